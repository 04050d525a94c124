package org.mnemosyne.db.catalog;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The identity of a categorical facet value: its label in Unicode NFC, trimmed, with runs of white
 * space collapsed to one space and case folded ({@code " Oil on Canvas"} and {@code "oil on
 * canvas"} are one value). The dictionary keeps the first label seen for each key for display.
 */
public final class FacetValueKey {
  private FacetValueKey() {}

  /** The display form: NFC, trimmed, white space collapsed; case kept. */
  public static String label(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }

  /** The key of a label. */
  public static String of(String text) {
    return label(text).toLowerCase(Locale.ROOT);
  }
}
