package org.mnemosyne.web.admin;

/**
 * An institution on the admin page and in the admin API.
 *
 * @param id id
 * @param slug short name (the {@code institution} facet)
 * @param name display name
 * @param homepage web site, or empty
 * @param collections how many collections it has
 */
public record InstitutionRow(
    long id, String slug, String name, String homepage, long collections) {}
