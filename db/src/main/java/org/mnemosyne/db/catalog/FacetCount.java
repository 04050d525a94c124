package org.mnemosyne.db.catalog;

/**
 * How many active items carry one facet value.
 *
 * @param field facet name
 * @param label the value as displayed (and as conditions name it)
 * @param count number of active items
 */
public record FacetCount(String field, String label, long count) {}
