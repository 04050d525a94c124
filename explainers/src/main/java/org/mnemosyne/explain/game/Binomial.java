package org.mnemosyne.explain.game;

/** Binomial coefficients as doubles (exact up to 2^53). Stateless; thread-safe. */
public final class Binomial {
  private Binomial() {}

  /** {@code C(n, k)}; 0 when {@code k < 0} or {@code k > n}. */
  public static double choose(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    k = Math.min(k, n - k);
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c < 0x1p53 ? Math.rint(c) : c;
  }
}
