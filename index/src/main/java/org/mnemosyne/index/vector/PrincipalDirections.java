package org.mnemosyne.index.vector;

import java.util.Random;

/**
 * The leading principal directions of a set of vectors (of their second moment {@code E[x xᵀ]}, not
 * centred, since inner products are what is bounded), by subspace iteration on a sample.
 *
 * <p>Used only to <em>tighten</em> bounds: any orthonormal set of directions gives correct bounds
 * (see {@link PrefixBounds}), so a few iterations suffice; the captured {@link #energy} says
 * whether the directions are worth using at all (real embeddings have power-law spectra, isotropic
 * data does not).
 *
 * @param directions {@code count × dimension} floats, direction after direction, orthonormal up to
 *     float rounding, by decreasing captured energy
 * @param count number of directions
 * @param dimension vector length
 * @param energy fraction of the sample's total energy {@code E|x|²} that the directions capture
 */
public record PrincipalDirections(float[] directions, int count, int dimension, double energy) {

  /** Sample size: enough for the leading directions of any collection, fast at any size. */
  static final int SAMPLE = 8192;

  private static final int ITERATIONS = 12;

  /**
   * Computes the leading directions.
   *
   * @param vectors {@code n × d} row-major floats
   * @param count how many directions, at most {@code d}
   * @param seed seed of the sample and the start
   */
  public static PrincipalDirections compute(float[] vectors, int n, int d, int count, long seed) {
    if (count <= 0 || count > d) {
      throw new IllegalArgumentException("cannot take " + count + " directions of " + d);
    }
    Random rnd = new Random(seed);
    int m = Math.min(n, SAMPLE);
    double[] moment = new double[d * d];
    double total = 0;
    double[] row = new double[d];
    for (int s = 0; s < m; s++) {
      int i = m == n ? s : rnd.nextInt(n);
      for (int j = 0; j < d; j++) {
        row[j] = vectors[i * d + j];
        total += row[j] * row[j];
      }
      for (int j = 0; j < d; j++) {
        double a = row[j];
        if (a == 0) {
          continue;
        }
        int base = j * d;
        for (int k = j; k < d; k++) {
          moment[base + k] += a * row[k];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < j; k++) {
        moment[j * d + k] = moment[k * d + j];
      }
    }
    double[][] basis = new double[count][d];
    for (double[] b : basis) {
      for (int j = 0; j < d; j++) {
        b[j] = rnd.nextGaussian();
      }
    }
    orthonormalize(basis, rnd);
    for (int it = 0; it < ITERATIONS; it++) {
      double[][] next = new double[count][];
      for (int c = 0; c < count; c++) {
        next[c] = multiply(moment, basis[c], d);
      }
      basis = next;
      orthonormalize(basis, rnd);
    }
    double[] captured = new double[count];
    Integer[] order = new Integer[count];
    for (int c = 0; c < count; c++) {
      double[] mb = multiply(moment, basis[c], d);
      double r = 0;
      for (int j = 0; j < d; j++) {
        r += basis[c][j] * mb[j];
      }
      captured[c] = r;
      order[c] = c;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(captured[b], captured[a]));
    float[] out = new float[count * d];
    double energy = 0;
    for (int c = 0; c < count; c++) {
      double[] b = basis[order[c]];
      energy += captured[order[c]];
      for (int j = 0; j < d; j++) {
        out[c * d + j] = (float) b[j];
      }
    }
    return new PrincipalDirections(out, count, d, total == 0 ? 0 : Math.min(1, energy / total));
  }

  private static double[] multiply(double[] matrix, double[] v, int d) {
    double[] out = new double[d];
    for (int j = 0; j < d; j++) {
      double s = 0;
      int base = j * d;
      for (int k = 0; k < d; k++) {
        s += matrix[base + k] * v[k];
      }
      out[j] = s;
    }
    return out;
  }

  /** Modified Gram-Schmidt, twice (so that the result is orthonormal to double precision). */
  private static void orthonormalize(double[][] basis, Random rnd) {
    int attempts = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int c = 0; c < basis.length; c++) {
        double[] v = basis[c];
        for (int p = 0; p < c; p++) {
          double dot = 0;
          for (int j = 0; j < v.length; j++) {
            dot += v[j] * basis[p][j];
          }
          for (int j = 0; j < v.length; j++) {
            v[j] -= dot * basis[p][j];
          }
        }
        double norm = 0;
        for (double x : v) {
          norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm < 1e-150 && attempts++ < 20) {
          // A degenerate sample (rank below count): any direction keeps the bounds correct.
          for (int j = 0; j < v.length; j++) {
            v[j] = rnd.nextGaussian();
          }
          c--;
          continue;
        }
        for (int j = 0; j < v.length; j++) {
          v[j] /= norm;
        }
      }
    }
  }
}
