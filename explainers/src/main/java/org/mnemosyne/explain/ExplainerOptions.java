package org.mnemosyne.explain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The explainer-specific options of a request ({@link
 * org.mnemosyne.api.explain.ExplanationParameters#options()}), read once at the boundary into typed
 * values. Unknown keys and malformed values are refused with a message naming the key and what is
 * accepted, so that a typo never silently falls back to a default. Immutable.
 */
public final class ExplainerOptions {
  /** Options every black-box explainer accepts: {@code cells=RxC} for feature-cell segmentation. */
  public static final Set<String> COMMON = Set.of("cells");

  private final String explainer;
  private final Map<String, String> values;

  private ExplainerOptions(String explainer, Map<String, String> values) {
    this.explainer = explainer;
    this.values = values;
  }

  /**
   * Checks the keys.
   *
   * @param explainer the explainer's name, for messages
   * @param values the request's options
   * @param accepted every key the explainer accepts
   * @throws IllegalArgumentException on an unknown key
   */
  public static ExplainerOptions of(
      String explainer, Map<String, String> values, Set<String> accepted) {
    for (String key : values.keySet()) {
      if (!accepted.contains(key)) {
        throw new IllegalArgumentException(
            explainer
                + " does not know the option '"
                + key
                + "'; it accepts "
                + (accepted.isEmpty() ? "none" : new TreeSet<>(accepted)));
      }
    }
    return new ExplainerOptions(explainer, Map.copyOf(values));
  }

  /** Options with no keys (for direct use of an estimator). */
  public static ExplainerOptions none() {
    return new ExplainerOptions("estimator", Map.of());
  }

  /** The raw value of a key, or null. */
  public String raw(String key) {
    return values.get(key);
  }

  /** An integer within {@code [min, max]}. */
  public int integer(String key, int fallback, int min, int max) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, v, "an integer in [" + min + ", " + max + "]");
  }

  /** A finite number within {@code [min, max]}. */
  public double number(String key, double fallback, double min, double max) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, v, "a number in [" + min + ", " + max + "]");
  }

  /** {@code true} or {@code false}. */
  public boolean flag(String key, boolean fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(key, v, "true or false");
    };
  }

  /** One of the allowed words. */
  public String choice(String key, String fallback, Set<String> allowed) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    String w = v.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(w)) {
      throw bad(key, v, "one of " + new TreeSet<>(allowed));
    }
    return w;
  }

  private IllegalArgumentException bad(String key, String value, String expected) {
    return new IllegalArgumentException(
        explainer + " option " + key + "='" + value + "' is not " + expected);
  }
}
