package org.mnemosyne.index.vector;

import java.util.Arrays;

/**
 * Early rejection from a few principal components: upper bounds on the canonical score from 64 or
 * 128 bytes per item, computed for a group of consecutive items at once.
 *
 * <p>With leading directions {@code U} ({@code h} = 64 or 128 of them, {@link PrincipalDirections})
 * each item stores its head {@code ẑ = Uᵀx}, 8-bit, and norms of what the head leaves out. For any
 * query, with {@code ŵ = Uᵀq} and {@code q⊥ = q - Uŵ}, the identity {@code q·x = (Uᵀq)·ẑ + q·(x -
 * Uẑ)} holds exactly whatever rounding produced {@code ẑ}, and after the first {@code 64(k+1)}
 * components:
 *
 * <pre>
 *   q·x ≤ s (ŵ[:64(k+1)]·code[:64(k+1)]) + |ŵ[:64(k+1)]| |r[:64(k+1)]|   (head, quantised)
 *         + |(ŵ[64(k+1):], q⊥)| |(ẑ[64(k+1):], x - Uẑ)|                    (tail, Cauchy-Schwarz)
 *         + |q| slack                     (rounding of ŵ, ẑ and the sums; UᵀU not exactly I)
 * </pre>
 *
 * Real embeddings have power-law spectra: a few dozen components carry most of the energy, the
 * tails are short, and most candidates are rejected after 64 components. On isotropic data the tail
 * is as long as the whole and nothing is gained; the index then does not build these bounds.
 *
 * <p><b>Layout.</b> Items are grouped by {@link #group} consecutive ordinals (the vector width);
 * within a group the codes are transposed — int {@code ((k·groups + g)·16 + t)·G + l} holds, byte
 * by byte, head dimensions {@code 64k + 4t .. 64k + 4t + 3} of item {@code gG + l} — so one kernel
 * call bounds a whole group with lane-parallel arithmetic: no per-item call, no per-item reduction;
 * the first 64 components of all groups are contiguous, so a scan that stops there streams them.
 * Immutable once built.
 */
public final class PrefixBounds {
  private final int dimension;
  private final int heads;
  private final int blocks;
  private final int group;
  private final float[] directions;
  private final double energy;
  private final double orthogonality;
  private final int[] codes;

  private final float[] scale;
  private final float[][] headResidual;
  private final float[][] tail;
  private final float[] slack;

  private PrefixBounds(
      PrincipalDirections principal,
      double orthogonality,
      int group,
      int[] codes,
      float[] scale,
      float[][] headResidual,
      float[][] tail,
      float[] slack) {
    this.dimension = principal.dimension();
    this.heads = principal.count();
    this.blocks = heads / 64;
    this.group = group;
    this.directions = principal.directions();
    this.energy = principal.energy();
    this.orthogonality = orthogonality;
    this.codes = codes;

    this.scale = scale;
    this.headResidual = headResidual;
    this.tail = tail;
    this.slack = slack;
  }

  /** Items per group: the float vector width, or 16 for the scalar kernels. */
  static int groupSize() {
    return VectorSupport.SIMD ? VectorSupport.LANES : 16;
  }

  /**
   * Projects and quantises the items.
   *
   * @param vectors {@code n × d} row-major floats
   * @param principal orthonormal directions, 64 or 128 of them
   */
  public static PrefixBounds build(float[] vectors, int n, PrincipalDirections principal) {
    int d = principal.dimension();
    int h = principal.count();
    if (h != 64 && h != 128) {
      throw new IllegalArgumentException("prefix bounds need 64 or 128 directions");
    }
    int blocks = h / 64;
    int g = groupSize();
    int groups = (n + g - 1) / g;
    float[] u = principal.directions();
    double orthogonality = orthogonalityError(u, h, d);
    double gammaD = DotProduct.gamma(d);
    double gammaH = DotProduct.gamma(h);
    double rounding = gammaD * Math.sqrt(h);
    int[] codes = new int[groups * blocks * 16 * g];
    float[] scale = new float[groups * g];
    float[][] headResidual = new float[blocks][groups * g];
    float[][] tail = new float[blocks][groups * g];
    float[] slack = new float[groups * g];
    float[] z = new float[h];
    for (int i = 0; i < n; i++) {
      double xNorm2 = 0;
      for (int j = 0; j < d; j++) {
        xNorm2 += (double) vectors[i * d + j] * vectors[i * d + j];
      }
      double zNorm2 = 0;
      float max = 0;
      for (int c = 0; c < h; c++) {
        z[c] = DotProduct.dot(u, c * d, vectors, i * d, d);
        zNorm2 += (double) z[c] * z[c];
        max = Math.max(max, Math.abs(z[c]));
      }
      float s = max / 127f;
      scale[i] = s;
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
      int gi = i / g;
      int l = i % g;
      double residual2 = 0;
      double zTail2 = zNorm2;
      for (int k = 0; k < blocks; k++) {
        for (int c = 64 * k; c < 64 * (k + 1); c++) {
          int code = s > 0 ? Math.max(-127, Math.min(127, Math.round(z[c] / s))) : 0;
          double r = z[c] - (double) s * code;
          residual2 += r * r;
          zTail2 -= (double) z[c] * z[c];
          int t = (c & 63) >>> 2;
          codes[((k * groups + gi) * 16 + t) * g + l] |= ((code + 128) & 0xFF) << (8 * (c & 3));
        }
        headResidual[k][i] = up(Math.sqrt(residual2));
        tail[k][i] = up(Math.sqrt(Math.max(0, zTail2) + restNorm2));
      }
      double xNorm = Math.sqrt(xNorm2);
      double zNorm = Math.sqrt(zNorm2);
      // Rounding of ŵ and ẑ (each a float dot of length d), of the quantised head sums, and the
      // part of x - Uẑ that U's imperfect orthogonality leaves inside the head space.
      slack[i] =
          up(
              (4 * gammaD * Math.sqrt(h) + 4 * gammaH + 2 * orthogonality) * (xNorm + zNorm)
                  + 1e-30);
    }
    for (int i = n; i < groups * g; i++) {
      // Padding lanes: any bound will do, they are never asked about.
      for (int k = 0; k < blocks; k++) {
        for (int t = 0; t < 16; t++) {
          codes[((k * groups + i / g) * 16 + t) * g + i % g] = 0x80808080;
        }
      }
    }
    return new PrefixBounds(principal, orthogonality, g, codes, scale, headResidual, tail, slack);
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

  /** Items per group ({@link #bound} bounds a group at once). */
  public int group() {
    return group;
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
    return 4L * (directions.length + codes.length + scale.length * (2 + 2 * blocks));
  }

  /** What a query needs for these bounds; one per search. */
  public final class Query {
    /** ŵ, then per block k at {@code heads + 3k}: |ŵ[:64(k+1)]|, tail norm, |q|. */
    final float[] values;

    /** Scratch for the kernel's partial sums. */
    final float[] scratch = new float[group];

    private Query(QueryVector q) {
      int h = heads;
      values = new float[h + 3 * blocks];
      double wNorm2 = 0;
      for (int c = 0; c < h; c++) {
        values[c] = DotProduct.dot(directions, c * dimension, q.padded(), 0, dimension);
        wNorm2 += (double) values[c] * values[c];
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
      double head2 = 0;
      for (int k = 0; k < blocks; k++) {
        for (int c = 64 * k; c < 64 * (k + 1); c++) {
          head2 += (double) values[c] * values[c];
        }
        double rest2 = Math.max(0, wNorm2 - head2);
        values[h + 3 * k] = up(Math.sqrt(head2));
        values[h + 3 * k + 1] = up(Math.sqrt(rest2 + perpNorm2) * (1 + 1e-6));
        values[h + 3 * k + 2] = q.norm();
      }
    }
  }

  /** Prepares a query. */
  public Query prepare(QueryVector q) {
    return new Query(q);
  }

  /**
   * Upper bounds on the canonical scores of the items of group {@code g} (ordinals {@code g ×
   * group()} onwards): the tightest over the checkpoints, never below the canonical score. The
   * second checkpoint is skipped when the first already proves every lane below {@code threshold}.
   *
   * @param out receives {@link #group()} bounds
   */
  public void bound(Query q, int g, float threshold, float[] out) {
    if (VectorSupport.SIMD) {
      SimdKernels.prefixBounds(
          q.values,
          heads,
          blocks,
          codes,
          g,
          scale,
          headResidual,
          tail,
          slack,
          threshold,
          out,
          q.scratch);
    } else {
      scalarBound(q.values, g, out);
    }
  }

  private void scalarBound(float[] values, int g, float[] out) {
    Arrays.fill(out, Float.POSITIVE_INFINITY);
    for (int l = 0; l < group; l++) {
      int i = g * group + l;
      float partial = 0;
      for (int k = 0; k < blocks; k++) {
        float sum = 0;
        for (int t = 0; t < 16; t++) {
          int word = codes[((k * (codes.length / (blocks * 16 * group)) + g) * 16 + t) * group + l];
          for (int b = 0; b < 4; b++) {
            sum = Math.fma(values[64 * k + 4 * t + b], ((word >>> (8 * b)) & 0xFF) - 128, sum);
          }
        }
        partial += scale[i] * sum;
        float bound =
            partial
                + values[heads + 3 * k] * headResidual[k][i]
                + values[heads + 3 * k + 1] * tail[k][i]
                + values[heads + 3 * k + 2] * slack[i];
        bound += Math.abs(bound) * 1e-6f + Float.MIN_NORMAL;
        out[l] = Math.min(out[l], bound);
      }
    }
  }
}
