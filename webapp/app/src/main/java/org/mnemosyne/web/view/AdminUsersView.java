package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.attempt;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.mnemosyne.web.admin.CatalogAdmin;
import org.mnemosyne.web.admin.InstitutionRow;
import org.mnemosyne.web.admin.UserAdmin;
import org.mnemosyne.web.admin.UserRow;
import org.mnemosyne.web.security.CurrentUser;

/**
 * The institutions-and-users admin page ({@code admin/users.xhtml}): institutions (created by
 * portal-wide admins, renamed by their own admins) and the admins and curators who manage them.
 */
@Named
@RequestScoped
public class AdminUsersView {
  @Inject CatalogAdmin catalog;
  @Inject UserAdmin users;
  @Inject CurrentUser user;

  private String slug = "";
  private String name = "";
  private String homepage = "";
  private String username = "";
  private String displayName = "";
  private String password = "";
  private String role = "curator";
  private String institution = "";

  /** Institutions the admin manages. */
  public List<InstitutionRow> getInstitutions() {
    return catalog.institutions(user.adminScope());
  }

  /** Users the admin manages. */
  public List<UserRow> getUsers() {
    return users.users(user.adminScope());
  }

  /** Creates the institution of the form. */
  public void createInstitution() {
    attempt(
        () -> {
          catalog.createInstitution(user.adminScope(), slug, name, homepage);
          String created = slug;
          slug = "";
          name = "";
          homepage = "";
          return "Institution " + created + " created.";
        });
  }

  /** Renames an institution (name and home page from the form). */
  public void updateInstitution(long id) {
    attempt(
        () -> {
          catalog.updateInstitution(user.adminScope(), id, name, homepage);
          return "Institution updated.";
        });
  }

  /** Creates the user of the form. */
  public void createUser() {
    attempt(
        () -> {
          users.create(
              user.adminScope(),
              username,
              displayName,
              password.toCharArray(),
              List.of(role),
              institution);
          String created = username;
          username = "";
          displayName = "";
          return "User " + created + " created.";
        });
    password = "";
  }

  /** Lets a user sign in or stops them. */
  public void setEnabled(long id, boolean enabled) {
    attempt(
        () -> {
          users.setEnabled(user.adminScope(), id, enabled);
          return enabled ? "User enabled." : "User disabled: they can no longer sign in.";
        });
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getHomepage() {
    return homepage;
  }

  public void setHomepage(String homepage) {
    this.homepage = homepage;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getInstitution() {
    return institution;
  }

  public void setInstitution(String institution) {
    this.institution = institution;
  }
}
