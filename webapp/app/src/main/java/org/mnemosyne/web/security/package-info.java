/**
 * Who may do what: Jakarta Security with users and PBKDF2 password hashes in PostgreSQL, a login
 * form, the first admin from the environment, and a CSRF token for state-changing API calls made
 * with the session cookie. Public pages need no login; admin pages and admin API calls need the
 * {@code admin} role.
 */
package org.mnemosyne.web.security;
