package org.mnemosyne.db.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The short name of an institution or collection as conditions and URLs use it ({@code
 * collection:art}): lower case letters, digits, {@code _} and {@code -}, starting with a letter or
 * digit, at most 64 characters.
 *
 * @param value the slug
 */
public record Slug(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** Validates. */
  public Slug {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not a valid name: use lower case letters, digits, '-' and '_' (at most 64),"
              + " e.g. art or aic-paintings");
    }
  }

  /**
   * Makes a slug from free text ({@code "Art Institute"} → {@code art-institute}): accents dropped,
   * runs of other characters become one {@code -}.
   *
   * @throws IllegalArgumentException if nothing usable is left
   */
  public static Slug from(String text) {
    String ascii =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 64) {
      ascii = ascii.substring(0, 64).replaceAll("-+$", "");
    }
    return new Slug(ascii);
  }

  @Override
  public String toString() {
    return value;
  }
}
