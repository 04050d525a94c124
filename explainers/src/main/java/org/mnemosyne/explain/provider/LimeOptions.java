package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.explain.ExplainerOptions;

/** The options of {@code lime} and {@code joint-lime}, with their defaults. */
final class LimeOptions {
  static final Set<String> KEYS = Set.of("samples", "keep-probability", "kernel-width", "alpha");

  private LimeOptions() {}

  static int samples(ExplainerOptions o) {
    return o.integer("samples", 0, 0, Integer.MAX_VALUE);
  }

  static double keep(ExplainerOptions o) {
    return o.number("keep-probability", 0.5, 1e-6, 1 - 1e-6);
  }

  static double width(ExplainerOptions o) {
    return o.number("kernel-width", 0.25, 1e-6, 1e6);
  }

  static double alpha(ExplainerOptions o) {
    return o.number("alpha", 1.0, 0, 1e9);
  }
}
