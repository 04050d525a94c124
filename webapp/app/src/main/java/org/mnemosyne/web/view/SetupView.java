package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.error;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.mnemosyne.web.security.SetupService;

/**
 * The one-time setup page ({@code setup.xhtml}): creates the first admin for whoever holds the
 * setup code from the server log; answers 404 once the portal has an admin.
 */
@Named
@RequestScoped
public class SetupView {
  @Inject SetupService setup;

  private String code = "";
  private String username = "admin";
  private String password = "";
  private String repeated = "";

  /** Sends 404 when the portal is set up already (the page no longer exists for anyone). */
  public void check() throws IOException {
    if (!setup.open()) {
      FacesContext fc = FacesContext.getCurrentInstance();
      fc.getExternalContext().responseSendError(404, "the portal is set up");
      fc.responseComplete();
    }
  }

  /** Creates the first admin and continues to the sign-in page. */
  public void create() throws IOException {
    try {
      setup.createFirstAdmin(code, username, password.toCharArray(), repeated.toCharArray());
      ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
      ec.redirect(ec.getRequestContextPath() + "/login.xhtml?setup=done");
    } catch (IllegalArgumentException | IllegalStateException e) {
      error(e.getMessage());
    } finally {
      password = "";
      repeated = "";
    }
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
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

  public String getRepeated() {
    return repeated;
  }

  public void setRepeated(String repeated) {
    this.repeated = repeated;
  }
}
