package org.mnemosyne.web.search;

import java.util.Optional;

/**
 * The best match among the items with one value of a facet (one cell of the across-cultures grid).
 *
 * @param value the facet value
 * @param count matching items with the value
 * @param best the most similar of them, if any (the query item itself is left out)
 */
public record AcrossRow(String value, int count, Optional<ResultRow> best) {}
