package org.mnemosyne.api.index;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of the {@link FacetSchema}.
 *
 * @param name field name as written in conditions, e.g. {@code culture}; lower case letters,
 *     digits, {@code _} and {@code -}, starting with a letter
 * @param type categorical or numeric
 * @param multiValued whether an item may carry several values (e.g. two media)
 */
public record FacetField(String name, FacetType type, boolean multiValued) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /** Validates the name and type. */
  public FacetField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "facet name '" + name + "' must match " + NAME.pattern() + " (lower case, e.g. culture)");
    }
  }

  /** A categorical field. */
  public static FacetField categorical(String name, boolean multiValued) {
    return new FacetField(name, FacetType.CATEGORICAL, multiValued);
  }

  /** A single-valued numeric field. */
  public static FacetField numeric(String name) {
    return new FacetField(name, FacetType.NUMERIC, false);
  }
}
