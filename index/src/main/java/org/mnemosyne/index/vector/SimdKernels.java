package org.mnemosyne.index.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the Vector API, for 512-bit (16 lanes) and 256-bit (8 lanes) vectors. Loaded only
 * when {@link VectorSupport} found the module; every result equals the scalar reference in {@link
 * ScalarKernels} bit for bit (dot) or up to summation order (approximate scores, whose bounds allow
 * for it).
 */
final class SimdKernels {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  private static final int L = F.length();

  /** Float 2^23 as bits: OR-ing a byte into the mantissa gives 2^23 + byte exactly. */
  private static final int MAGIC_BITS = 0x4B000000;

  private static final float MAGIC_OFFSET = 8388608f + 128f;

  private static final VectorShuffle<Float> DOWN8 = shuffle(8);
  private static final VectorShuffle<Float> DOWN4 = shuffle(4);
  private static final VectorShuffle<Float> DOWN2 = shuffle(2);

  private SimdKernels() {}

  static int lanes() {
    return FloatVector.SPECIES_PREFERRED.length();
  }

  /** Lane {@code l} takes lane {@code l + by} (wrapping; only the low lanes are used). */
  private static VectorShuffle<Float> shuffle(int by) {
    int[] idx = new int[L];
    for (int l = 0; l < L; l++) {
      idx[l] = (l + by) % L;
    }
    return VectorShuffle.fromArray(F, idx, 0);
  }

  static float dot(float[] a, int ao, float[] b, int bo, int d) {
    return L == 16 ? dot16(a, ao, b, bo, d) : dot8(a, ao, b, bo, d);
  }

  private static FloatVector fma(float[] a, int ao, float[] b, int bo, FloatVector acc) {
    return FloatVector.fromArray(F, a, ao).fma(FloatVector.fromArray(F, b, bo), acc);
  }

  // Vector values must not merge at control-flow joins (C2 would box them and fall back to Java
  // loops), so each kernel is one loop with vector accumulators, and the rare tail (d not a
  // multiple of 64) leaves the vectors through an array.

  private static float dot16(float[] a, int ao, float[] b, int bo, int d) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int full = d & ~63;
    for (int j = 0; j < full; j += 64) {
      a0 = fma(a, ao + j, b, bo + j, a0);
      a1 = fma(a, ao + j + 16, b, bo + j + 16, a1);
      a2 = fma(a, ao + j + 32, b, bo + j + 32, a2);
      a3 = fma(a, ao + j + 48, b, bo + j + 48, a3);
    }
    if (full == d) {
      FloatVector s = a0.add(a1).add(a2.add(a3));
      return finish(s.add(s.rearrange(DOWN8)));
    }
    float[] p = new float[64];
    a0.intoArray(p, 0);
    a1.intoArray(p, 16);
    a2.intoArray(p, 32);
    a3.intoArray(p, 48);
    return tail(a, ao, b, bo, full, d, p);
  }

  private static float dot8(float[] a, int ao, float[] b, int bo, int d) {
    FloatVector b0 = FloatVector.zero(F);
    FloatVector b1 = b0;
    FloatVector b2 = b0;
    FloatVector b3 = b0;
    FloatVector b4 = b0;
    FloatVector b5 = b0;
    FloatVector b6 = b0;
    FloatVector b7 = b0;
    int full = d & ~63;
    for (int j = 0; j < full; j += 64) {
      b0 = fma(a, ao + j, b, bo + j, b0);
      b1 = fma(a, ao + j + 8, b, bo + j + 8, b1);
      b2 = fma(a, ao + j + 16, b, bo + j + 16, b2);
      b3 = fma(a, ao + j + 24, b, bo + j + 24, b3);
      b4 = fma(a, ao + j + 32, b, bo + j + 32, b4);
      b5 = fma(a, ao + j + 40, b, bo + j + 40, b5);
      b6 = fma(a, ao + j + 48, b, bo + j + 48, b6);
      b7 = fma(a, ao + j + 56, b, bo + j + 56, b7);
    }
    if (full == d) {
      // Partial p = 8k + l lives in lane l of b_k; the canonical s[l] (l < 16) is
      // (p[l] + p[16+l]) + (p[32+l] + p[48+l]), so s[0..8) = (b0+b2)+(b4+b6) and
      // s[8..16) = (b1+b3)+(b5+b7); then s[l] + s[l+8] for l < 8.
      FloatVector lo = b0.add(b2).add(b4.add(b6));
      FloatVector hi = b1.add(b3).add(b5.add(b7));
      return finish(lo.add(hi));
    }
    float[] p = new float[64];
    b0.intoArray(p, 0);
    b1.intoArray(p, 8);
    b2.intoArray(p, 16);
    b3.intoArray(p, 24);
    b4.intoArray(p, 32);
    b5.intoArray(p, 40);
    b6.intoArray(p, 48);
    b7.intoArray(p, 56);
    return tail(a, ao, b, bo, full, d, p);
  }

  /** Adds the elements from {@code from} to the 64 partials and reduces them canonically. */
  private static float tail(float[] a, int ao, float[] b, int bo, int from, int d, float[] p) {
    for (int j = from; j < d; j++) {
      p[j & 63] = Math.fma(a[ao + j], b[bo + j], p[j & 63]);
    }
    return ScalarKernels.reduce64(p);
  }

  /** Lanes 0..7 hold s[0..8) after the first halving; halves twice more and adds s[0] + s[1]. */
  private static float finish(FloatVector s) {
    s = s.add(s.rearrange(DOWN4));
    s = s.add(s.rearrange(DOWN2));
    return (s.lane(0) + s.lane(1)) + 0.0f;
  }

  /** See {@link ScalarKernels#approx}; summation order differs, which the bounds allow for. */
  static float approx(float[] q, int[] codes, int offset, int blocks) {
    return L == 16 ? approx16(q, codes, offset, blocks) : approx8(q, codes, offset, blocks);
  }

  private static final FloatVector OFFSET = FloatVector.broadcast(F, MAGIC_OFFSET);

  /** The byte of each lane at {@code shift} (0, 8 or 16), as floats minus the bias. */
  private static FloatVector decodeLow(IntVector v, int shift) {
    return v.lanewise(VectorOperators.LSHR, shift)
        .and(0xFF)
        .or(MAGIC_BITS)
        .reinterpretAsFloats()
        .sub(OFFSET);
  }

  /** The top byte of each lane, as floats minus the bias. */
  private static FloatVector decodeHigh(IntVector v) {
    return v.lanewise(VectorOperators.LSHR, 24).or(MAGIC_BITS).reinterpretAsFloats().sub(OFFSET);
  }

  private static float approx16(float[] q, int[] codes, int offset, int blocks) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int b = 0; b < blocks; b++) {
      int j = b << 6;
      IntVector v = IntVector.fromArray(I, codes, offset + (b << 4));
      a0 = decodeLow(v, 0).fma(FloatVector.fromArray(F, q, j), a0);
      a1 = decodeLow(v, 8).fma(FloatVector.fromArray(F, q, j + 16), a1);
      a2 = decodeLow(v, 16).fma(FloatVector.fromArray(F, q, j + 32), a2);
      a3 = decodeHigh(v).fma(FloatVector.fromArray(F, q, j + 48), a3);
    }
    return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
  }

  private static float approx8(float[] q, int[] codes, int offset, int blocks) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int b = 0; b < blocks; b++) {
      int j = b << 6;
      int w = offset + (b << 4);
      IntVector v = IntVector.fromArray(I, codes, w);
      IntVector u = IntVector.fromArray(I, codes, w + 8);
      a0 = decodeLow(v, 0).fma(FloatVector.fromArray(F, q, j), a0);
      a1 = decodeLow(u, 0).fma(FloatVector.fromArray(F, q, j + 8), a1);
      a2 = decodeLow(v, 8).fma(FloatVector.fromArray(F, q, j + 16), a2);
      a3 = decodeLow(u, 8).fma(FloatVector.fromArray(F, q, j + 24), a3);
      a0 = decodeLow(v, 16).fma(FloatVector.fromArray(F, q, j + 32), a0);
      a1 = decodeLow(u, 16).fma(FloatVector.fromArray(F, q, j + 40), a1);
      a2 = decodeHigh(v).fma(FloatVector.fromArray(F, q, j + 48), a2);
      a3 = decodeHigh(u).fma(FloatVector.fromArray(F, q, j + 56), a3);
    }
    return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
  }

  /** Squared Euclidean distance, any summation order. */
  static float squaredDistance(float[] a, int ao, float[] b, int bo, int d) {
    FloatVector acc0 = FloatVector.zero(F);
    FloatVector acc1 = acc0;
    int j = 0;
    for (int full = d - 2 * L; j <= full; j += 2 * L) {
      FloatVector d0 = FloatVector.fromArray(F, a, ao + j).sub(FloatVector.fromArray(F, b, bo + j));
      FloatVector d1 =
          FloatVector.fromArray(F, a, ao + j + L).sub(FloatVector.fromArray(F, b, bo + j + L));
      acc0 = d0.fma(d0, acc0);
      acc1 = d1.fma(d1, acc1);
    }
    float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; j < d; j++) {
      float diff = a[ao + j] - b[bo + j];
      s = Math.fma(diff, diff, s);
    }
    return s;
  }
}
