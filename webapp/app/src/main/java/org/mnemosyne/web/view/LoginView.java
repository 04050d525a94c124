package org.mnemosyne.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mnemosyne.web.security.SecurityConfig;

/** The sign-in page: checks the password with the identity store, then continues. */
@Named
@RequestScoped
public class LoginView {
  @Inject SecurityContext security;

  private String username;
  private String password;

  /** Signs in. */
  public void login() throws IOException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) ec.getRequest(),
            (HttpServletResponse) ec.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password)));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> fc.responseComplete();
      case SUCCESS -> ec.redirect(ec.getRequestContextPath() + landingPage());
      default ->
          fc.addMessage(
              null,
              new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong user name or password.", null));
    }
  }

  /** Where a user goes after signing in on the login page itself: their work, else search. */
  private String landingPage() {
    if (security.isCallerInRole(SecurityConfig.ADMIN)) {
      return "/admin/index.xhtml";
    }
    return security.isCallerInRole(SecurityConfig.CURATOR) ? "/curate/index.xhtml" : "/";
  }

  /** Signs out and returns to the search page. */
  public void logout() throws IOException, ServletException {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) ec.getRequest()).logout();
    ec.invalidateSession();
    ec.redirect(ec.getRequestContextPath() + "/");
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
