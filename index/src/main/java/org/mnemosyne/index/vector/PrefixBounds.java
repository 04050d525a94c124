package org.mnemosyne.index.vector;

/**
 * Early rejection from a few principal components: bounds on the canonical score that read 64 or
 * 128 bytes of an item instead of its full codes.
 *
 * <p>With orthonormal leading directions {@code U} ({@code h} of them, {@link PrincipalDirections})
 * each item stores its head {@code ẑ = Uᵀx} (8-bit, {@link QuantizedVectors}) and the norm of what
 * the head leaves out. For any query, with {@code ŵ = Uᵀq} and {@code q⊥ = q - Uŵ}, the identity
 * {@code q·x = ŵ·ẑ + q·(x - Uẑ)} holds exactly whatever rounding produced {@code ẑ} and {@code ŵ},
 * and after the first {@code 64c} components ({@code c = 1, 2}):
 *
 * <pre>
 *   q·x ≤ s(ŵ[:64c]·code[:64c]) + |ŵ[:64c]|·|r[:64c]|          (head, quantised)
 *         + |(ŵ[64c:], q⊥)| · |(ẑ[64c:], x - Uẑ)|             (tail, Cauchy-Schwarz)
 *         + |q| · slack                                          (rounding, non-orthogonality)
 * </pre>
 *
 * Real embeddings have power-law spectra: a few dozen components carry most of the energy, the tail
 * norms are small, and most candidates are rejected after 64 or 128 bytes. On isotropic data the
 * tail is as large as the whole and nothing is gained; the index then does not build these bounds
 * (see {@link #energy}).
 */
public final class PrefixBounds {
  private final int dimension;
  private final int heads;
  private final int checkpoints;
  private final float[] directions;
  private final QuantizedVectors codes;
  private final float[] headResidual;
  private final float[] tail;
  private final float[] slack;
  private final double energy;
  private final double orthogonality;

  private PrefixBounds(
      int dimension,
      PrincipalDirections principal,
      double orthogonality,
      QuantizedVectors codes,
      float[] headResidual,
      float[] tail,
      float[] slack) {
    this.dimension = dimension;
    this.heads = principal.count();
    this.checkpoints = heads / 64;
    this.directions = principal.directions();
    this.codes = codes;
    this.headResidual = headResidual;
    this.tail = tail;
    this.slack = slack;
    this.energy = principal.energy();
    this.orthogonality = orthogonality;
  }

  /**
   * Projects and quantises the items.
   *
   * @param vectors {@code n × d} row-major floats
   * @param principal orthonormal directions, a multiple of 64 of them
   */
  public static PrefixBounds build(float[] vectors, int n, PrincipalDirections principal) {
    int d = principal.dimension();
    int h = principal.count();
    if (h % 64 != 0 || h == 0) {
      throw new IllegalArgumentException("prefix bounds need a multiple of 64 directions");
    }
    float[] u = principal.directions();
    double orthogonality = orthogonalityError(u, h, d);
    float[] z = new float[n * h];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < h; c++) {
        z[i * h + c] = DotProduct.dot(u, c * d, vectors, i * d, d);
      }
    }
    QuantizedVectors codes = QuantizedVectors.quantize(z, n, h);
    int checkpoints = h / 64;
    float[] headResidual = new float[n * checkpoints];
    float[] tail = new float[n * checkpoints];
    float[] slack = new float[n];
    double gammaD = DotProduct.gamma(d);
    double gammaH = DotProduct.gamma(h);
    double rounding = gammaD * Math.sqrt(h);
    for (int i = 0; i < n; i++) {
      double xNorm2 = 0;
      for (int j = 0; j < d; j++) {
        xNorm2 += (double) vectors[i * d + j] * vectors[i * d + j];
      }
      double zNorm2 = 0;
      for (int c = 0; c < h; c++) {
        zNorm2 += (double) z[i * h + c] * z[i * h + c];
      }
      // |x - Uẑ|² = |x|² - 2ẑ·(Uᵀx) + ẑᵀ(UᵀU)ẑ with Uᵀx = ẑ - ζ, |ζ| <= gamma(d) sqrt(h) |x|,
      // and |UᵀU - I| <= orthogonality: at most |x|² - |ẑ|² + 2|ẑ||ζ| + orthogonality |ẑ|².
      double restNorm2 =
          Math.max(
              0,
              xNorm2
                  - zNorm2
                  + 2 * Math.sqrt(zNorm2) * rounding * Math.sqrt(xNorm2)
                  + orthogonality * zNorm2
                  + 1e-12 * xNorm2);
      double[] residual = codes.residualPrefixes(z, i);
      double zTail2 = zNorm2;
      for (int k = 0; k < checkpoints; k++) {
        for (int c = 64 * k; c < 64 * (k + 1); c++) {
          zTail2 -= (double) z[i * h + c] * z[i * h + c];
        }
        headResidual[i * checkpoints + k] = up(residual[k]);
        tail[i * checkpoints + k] = up(Math.sqrt(Math.max(0, zTail2) + restNorm2));
      }
      double xNorm = Math.sqrt(xNorm2);
      double zNorm = Math.sqrt(zNorm2);
      // Rounding of ŵ and ẑ (each a float dot of length d), of the quantised head sum, and the
      // part of x - Uẑ that U's imperfect orthogonality leaves inside the head space.
      slack[i] =
          up(
              (4 * gammaD * Math.sqrt(h) + 4 * gammaH + 2 * orthogonality) * (xNorm + zNorm)
                  + 1e-30);
    }
    return new PrefixBounds(d, principal, orthogonality, codes, headResidual, tail, slack);
  }

  private static float up(double v) {
    return Math.nextUp((float) (v * (1 + 1e-7)));
  }

  /** Frobenius norm of {@code UᵀU - I}, in double. */
  private static double orthogonalityError(float[] u, int h, int d) {
    double sum = 0;
    for (int a = 0; a < h; a++) {
      for (int b = a; b < h; b++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += (double) u[a * d + j] * u[b * d + j];
        }
        double e = dot - (a == b ? 1 : 0);
        sum += (a == b ? 1 : 2) * e * e;
      }
    }
    return Math.sqrt(sum);
  }

  /** Fraction of the energy the directions capture. */
  public double energy() {
    return energy;
  }

  /** The directions, for persistence. */
  public PrincipalDirections principal() {
    return new PrincipalDirections(directions, heads, dimension, energy);
  }

  /** Bytes held, for memory reports. */
  public long bytes() {
    return 4L * directions.length + codes.bytes() + 4L * (headResidual.length + tail.length);
  }

  /** What a query needs for these bounds; one per search. */
  public final class Query {
    private final float[] w;
    private final float[] headNorm;
    private final float[] tailNorm;
    private final float queryNorm;

    private Query(QueryVector q) {
      int h = heads;
      w = new float[h];
      double wNorm2 = 0;
      for (int c = 0; c < h; c++) {
        w[c] = DotProduct.dot(directions, c * dimension, q.padded(), 0, dimension);
        wNorm2 += (double) w[c] * w[c];
      }
      double qNorm2 = 0;
      for (int j = 0; j < dimension; j++) {
        qNorm2 += (double) q.padded()[j] * q.padded()[j];
      }
      // q⊥ = q - Uŵ, bounded as |x - Uẑ| is at build time.
      double rounding = DotProduct.gamma(dimension) * Math.sqrt(h);
      double perpNorm2 =
          Math.max(
              0,
              qNorm2
                  - wNorm2
                  + 2 * Math.sqrt(wNorm2) * rounding * Math.sqrt(qNorm2)
                  + orthogonality * wNorm2
                  + 1e-12 * qNorm2);
      double perpNorm = Math.sqrt(perpNorm2);
      headNorm = new float[checkpoints];
      tailNorm = new float[checkpoints];
      double head2 = 0;
      for (int k = 0; k < checkpoints; k++) {
        for (int c = 64 * k; c < 64 * (k + 1); c++) {
          head2 += (double) w[c] * w[c];
        }
        headNorm[k] = up(Math.sqrt(head2));
        double rest = Math.sqrt(Math.max(0, wNorm2 - head2));
        tailNorm[k] = up(Math.sqrt(rest * rest + perpNorm * perpNorm) * (1 + 1e-6));
      }
      queryNorm = q.norm();
    }
  }

  /** Prepares a query. */
  public Query prepare(QueryVector q) {
    return new Query(q);
  }

  /**
   * Whether an upper bound at some checkpoint proves that item {@code item}'s canonical score is
   * below {@code threshold}.
   */
  public boolean below(Query q, int item, float threshold) {
    float partial = 0;
    for (int k = 0; k < checkpoints; k++) {
      partial += codes.approximate(q.w, item, k, k + 1);
      float bound =
          partial
              + q.headNorm[k] * headResidual[item * checkpoints + k]
              + q.tailNorm[k] * tail[item * checkpoints + k]
              + q.queryNorm * slack[item];
      if (bound + Math.abs(bound) * 1e-6f + Float.MIN_NORMAL < threshold) {
        return true;
      }
    }
    return false;
  }
}
