package org.mnemosyne.web.admin;

import java.util.Set;

/**
 * A portal user on the admin page and in the admin API (never the password hash).
 *
 * @param id id
 * @param username sign-in name
 * @param displayName display name, or empty
 * @param roles role names
 * @param institution slug of the institution the user is limited to, or empty for the whole portal
 * @param enabled whether the user may sign in
 */
public record UserRow(
    long id,
    String username,
    String displayName,
    Set<String> roles,
    String institution,
    boolean enabled) {}
