package org.mnemosyne.db.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A portal user as the admin pages manage it (tables {@code app_user}, {@code app_user_role}). The
 * password arrives hashed; an institution, when set, limits an admin or curator to that
 * institution's collections.
 */
@Entity(name = "UserAccount")
@Table(name = "app_user")
public class UserAccountEntity {
  /** What the schema allows as a user name. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

  /** Role names the schema knows. */
  public static final Set<String> ROLES = Set.of("admin", "curator");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "username", nullable = false, updatable = false, length = 100)
  private String username;

  @Column(name = "display_name", length = 200)
  private String displayName;

  @Column(name = "password_hash", length = 500)
  private String passwordHash;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "institution_id")
  private InstitutionEntity institution;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role_name", nullable = false, length = 64)
  private Set<String> roles = new TreeSet<>();

  /** For JPA. */
  protected UserAccountEntity() {}

  /**
   * A new, enabled user.
   *
   * @param username lower-case letters, digits and {@code . _ @ -}
   * @param passwordHash the hash (never a clear password)
   * @param institution the institution it is limited to, or null for the whole portal
   * @throws IllegalArgumentException for a malformed name, an unknown role or no role
   */
  public UserAccountEntity(
      String username,
      String displayName,
      String passwordHash,
      Collection<String> roles,
      InstitutionEntity institution) {
    String name = Objects.requireNonNull(username, "username").strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a user name is 1-100 lower-case letters, digits or . _ @ - (starting with a letter or"
              + " digit)");
    }
    this.username = name;
    this.displayName = EntityText.optional(displayName, "display name", 200);
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.enabled = true;
    this.createdAt = OffsetDateTime.now();
    this.institution = institution;
    replaceRoles(roles);
  }

  /**
   * Replaces the roles.
   *
   * @throws IllegalArgumentException for an unknown role or none
   */
  public void setRoles(Collection<String> newRoles) {
    replaceRoles(newRoles);
  }

  private void replaceRoles(Collection<String> newRoles) {
    if (newRoles.isEmpty()) {
      throw new IllegalArgumentException("a user needs a role (admin or curator)");
    }
    for (String r : newRoles) {
      if (!ROLES.contains(r)) {
        throw new IllegalArgumentException("unknown role: " + r + " (admin or curator)");
      }
    }
    roles.clear();
    roles.addAll(newRoles);
  }

  /** Replaces the password hash. */
  public void setPasswordHash(String hash) {
    this.passwordHash = Objects.requireNonNull(hash, "hash");
  }

  /** Lets the user sign in or not. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Database id (null before it is persisted). */
  public Long getId() {
    return id;
  }

  /** The sign-in name. */
  public String getUsername() {
    return username;
  }

  /** Display name, or null. */
  public String getDisplayName() {
    return displayName;
  }

  /** Whether the user may sign in. */
  public boolean isEnabled() {
    return enabled;
  }

  /** When the account was created. */
  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  /** The institution the user is limited to, or null for the whole portal. */
  public InstitutionEntity getInstitution() {
    return institution;
  }

  /** Role names, sorted. */
  public Set<String> getRoles() {
    return new TreeSet<>(roles);
  }
}
