package org.mnemosyne.web.admin;

/**
 * A collection on the admin page.
 *
 * @param id id
 * @param slug slug (the {@code collection} facet)
 * @param name display name
 * @param institution institution name
 * @param items active items
 * @param active whether it is shown to visitors
 */
public record CollectionRow(
    long id, String slug, String name, String institution, long items, boolean active) {}
