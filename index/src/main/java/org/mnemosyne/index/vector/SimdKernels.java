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
 *
 * <p>Two rules keep these kernels on the intrinsics (checked with {@code -XX:+PrintInlining}).
 * Vector values never merge at control-flow joins, where C2 would box them and fall back to Java
 * loops: each kernel is loops with vector accumulators, and the rare tail (a dimension that is not
 * a multiple of 64) leaves the vectors through an array. And each kernel is larger than HotSpot's
 * inlining limit for hot methods (325 bytecodes), so it is compiled as its own root: inlined deep
 * inside a caller, the Vector API's long chains of forced inlining would reach {@code
 * MaxInlineLevel} and silently run as scalar Java. Hence the manual unrolling and no helpers.
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

  /** Partial p = 16k + l is lane l of a_k. */
  private static float dot16(float[] a, int ao, float[] b, int bo, int d) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int full = d & ~63;
    int j = 0;
    for (int pairs = d & ~127; j < pairs; j += 128) {
      a0 = FloatVector.fromArray(F, a, ao + j).fma(FloatVector.fromArray(F, b, bo + j), a0);
      a1 =
          FloatVector.fromArray(F, a, ao + j + 16)
              .fma(FloatVector.fromArray(F, b, bo + j + 16), a1);
      a2 =
          FloatVector.fromArray(F, a, ao + j + 32)
              .fma(FloatVector.fromArray(F, b, bo + j + 32), a2);
      a3 =
          FloatVector.fromArray(F, a, ao + j + 48)
              .fma(FloatVector.fromArray(F, b, bo + j + 48), a3);
      a0 =
          FloatVector.fromArray(F, a, ao + j + 64)
              .fma(FloatVector.fromArray(F, b, bo + j + 64), a0);
      a1 =
          FloatVector.fromArray(F, a, ao + j + 80)
              .fma(FloatVector.fromArray(F, b, bo + j + 80), a1);
      a2 =
          FloatVector.fromArray(F, a, ao + j + 96)
              .fma(FloatVector.fromArray(F, b, bo + j + 96), a2);
      a3 =
          FloatVector.fromArray(F, a, ao + j + 112)
              .fma(FloatVector.fromArray(F, b, bo + j + 112), a3);
    }
    for (; j < full; j += 64) {
      a0 = FloatVector.fromArray(F, a, ao + j).fma(FloatVector.fromArray(F, b, bo + j), a0);
      a1 =
          FloatVector.fromArray(F, a, ao + j + 16)
              .fma(FloatVector.fromArray(F, b, bo + j + 16), a1);
      a2 =
          FloatVector.fromArray(F, a, ao + j + 32)
              .fma(FloatVector.fromArray(F, b, bo + j + 32), a2);
      a3 =
          FloatVector.fromArray(F, a, ao + j + 48)
              .fma(FloatVector.fromArray(F, b, bo + j + 48), a3);
    }
    if (full == d) {
      FloatVector s = a0.add(a1).add(a2.add(a3));
      s = s.add(s.rearrange(DOWN8));
      s = s.add(s.rearrange(DOWN4));
      s = s.add(s.rearrange(DOWN2));
      return (s.lane(0) + s.lane(1)) + 0.0f;
    }
    float[] p = new float[64];
    a0.intoArray(p, 0);
    a1.intoArray(p, 16);
    a2.intoArray(p, 32);
    a3.intoArray(p, 48);
    return tail(a, ao, b, bo, full, d, p);
  }

  /**
   * Partial p = 8k + l is lane l of b_k; the canonical s[l] (l &lt; 16) is (p[l] + p[16+l]) +
   * (p[32+l] + p[48+l]), so s[0..8) = (b0+b2)+(b4+b6) and s[8..16) = (b1+b3)+(b5+b7); then s[l] +
   * s[l+8] for l &lt; 8.
   */
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
    int j = 0;
    for (int pairs = d & ~127; j < pairs; j += 128) {
      b0 = FloatVector.fromArray(F, a, ao + j).fma(FloatVector.fromArray(F, b, bo + j), b0);
      b1 = FloatVector.fromArray(F, a, ao + j + 8).fma(FloatVector.fromArray(F, b, bo + j + 8), b1);
      b2 =
          FloatVector.fromArray(F, a, ao + j + 16)
              .fma(FloatVector.fromArray(F, b, bo + j + 16), b2);
      b3 =
          FloatVector.fromArray(F, a, ao + j + 24)
              .fma(FloatVector.fromArray(F, b, bo + j + 24), b3);
      b4 =
          FloatVector.fromArray(F, a, ao + j + 32)
              .fma(FloatVector.fromArray(F, b, bo + j + 32), b4);
      b5 =
          FloatVector.fromArray(F, a, ao + j + 40)
              .fma(FloatVector.fromArray(F, b, bo + j + 40), b5);
      b6 =
          FloatVector.fromArray(F, a, ao + j + 48)
              .fma(FloatVector.fromArray(F, b, bo + j + 48), b6);
      b7 =
          FloatVector.fromArray(F, a, ao + j + 56)
              .fma(FloatVector.fromArray(F, b, bo + j + 56), b7);
      b0 =
          FloatVector.fromArray(F, a, ao + j + 64)
              .fma(FloatVector.fromArray(F, b, bo + j + 64), b0);
      b1 =
          FloatVector.fromArray(F, a, ao + j + 72)
              .fma(FloatVector.fromArray(F, b, bo + j + 72), b1);
      b2 =
          FloatVector.fromArray(F, a, ao + j + 80)
              .fma(FloatVector.fromArray(F, b, bo + j + 80), b2);
      b3 =
          FloatVector.fromArray(F, a, ao + j + 88)
              .fma(FloatVector.fromArray(F, b, bo + j + 88), b3);
      b4 =
          FloatVector.fromArray(F, a, ao + j + 96)
              .fma(FloatVector.fromArray(F, b, bo + j + 96), b4);
      b5 =
          FloatVector.fromArray(F, a, ao + j + 104)
              .fma(FloatVector.fromArray(F, b, bo + j + 104), b5);
      b6 =
          FloatVector.fromArray(F, a, ao + j + 112)
              .fma(FloatVector.fromArray(F, b, bo + j + 112), b6);
      b7 =
          FloatVector.fromArray(F, a, ao + j + 120)
              .fma(FloatVector.fromArray(F, b, bo + j + 120), b7);
    }
    for (; j < full; j += 64) {
      b0 = FloatVector.fromArray(F, a, ao + j).fma(FloatVector.fromArray(F, b, bo + j), b0);
      b1 = FloatVector.fromArray(F, a, ao + j + 8).fma(FloatVector.fromArray(F, b, bo + j + 8), b1);
      b2 =
          FloatVector.fromArray(F, a, ao + j + 16)
              .fma(FloatVector.fromArray(F, b, bo + j + 16), b2);
      b3 =
          FloatVector.fromArray(F, a, ao + j + 24)
              .fma(FloatVector.fromArray(F, b, bo + j + 24), b3);
      b4 =
          FloatVector.fromArray(F, a, ao + j + 32)
              .fma(FloatVector.fromArray(F, b, bo + j + 32), b4);
      b5 =
          FloatVector.fromArray(F, a, ao + j + 40)
              .fma(FloatVector.fromArray(F, b, bo + j + 40), b5);
      b6 =
          FloatVector.fromArray(F, a, ao + j + 48)
              .fma(FloatVector.fromArray(F, b, bo + j + 48), b6);
      b7 =
          FloatVector.fromArray(F, a, ao + j + 56)
              .fma(FloatVector.fromArray(F, b, bo + j + 56), b7);
    }
    if (full == d) {
      FloatVector s = b0.add(b2).add(b4.add(b6)).add(b1.add(b3).add(b5.add(b7)));
      s = s.add(s.rearrange(DOWN4));
      s = s.add(s.rearrange(DOWN2));
      return (s.lane(0) + s.lane(1)) + 0.0f;
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

  /** See {@link ScalarKernels#approx}; summation order differs, which the bounds allow for. */
  static float approx(float[] q, int[] codes, int offset, int from, int to) {
    return L == 16 ? approx16(q, codes, offset, from, to) : approx8(q, codes, offset, from, to);
  }

  /**
   * 16 lanes: one int load per 64-dimension block; byte k of the lanes is decoded by shifting it to
   * the low byte, OR-ing the exponent of 2^23 and subtracting 2^23 + 128 (exact in float).
   */
  private static float approx16(float[] q, int[] codes, int offset, int from, int to) {
    FloatVector bias = FloatVector.broadcast(F, MAGIC_OFFSET);
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int b = from;
    for (int pairs = from + ((to - from) & ~1); b < pairs; b += 2) {
      int j = b << 6;
      IntVector v = IntVector.fromArray(I, codes, offset + (b << 4));
      IntVector u = IntVector.fromArray(I, codes, offset + (b << 4) + 16);
      a0 =
          v.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j), a0);
      a1 =
          v.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 16), a1);
      a2 =
          v.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 32), a2);
      a3 =
          v.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 48), a3);
      a0 =
          u.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 64), a0);
      a1 =
          u.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 80), a1);
      a2 =
          u.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 96), a2);
      a3 =
          u.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 112), a3);
    }
    for (; b < to; b++) {
      int j = b << 6;
      IntVector v = IntVector.fromArray(I, codes, offset + (b << 4));
      a0 =
          v.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j), a0);
      a1 =
          v.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 16), a1);
      a2 =
          v.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 32), a2);
      a3 =
          v.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 48), a3);
    }
    return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
  }

  /** 8 lanes: a 64-dimension block is two int loads, lanes 0..7 and 8..15 of the layout. */
  private static float approx8(float[] q, int[] codes, int offset, int from, int to) {
    FloatVector bias = FloatVector.broadcast(F, MAGIC_OFFSET);
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int b = from;
    for (int pairs = from + ((to - from) & ~1); b < pairs; b += 2) {
      int j = b << 6;
      int w = offset + (b << 4);
      IntVector v = IntVector.fromArray(I, codes, w);
      IntVector u = IntVector.fromArray(I, codes, w + 8);
      IntVector x = IntVector.fromArray(I, codes, w + 16);
      IntVector y = IntVector.fromArray(I, codes, w + 24);
      a0 =
          v.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j), a0);
      a1 =
          u.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 8), a1);
      a2 =
          v.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 16), a2);
      a3 =
          u.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 24), a3);
      a0 =
          v.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 32), a0);
      a1 =
          u.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 40), a1);
      a2 =
          v.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 48), a2);
      a3 =
          u.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 56), a3);
      a0 =
          x.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 64), a0);
      a1 =
          y.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 72), a1);
      a2 =
          x.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 80), a2);
      a3 =
          y.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 88), a3);
      a0 =
          x.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 96), a0);
      a1 =
          y.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 104), a1);
      a2 =
          x.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 112), a2);
      a3 =
          y.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 120), a3);
    }
    for (; b < to; b++) {
      int j = b << 6;
      int w = offset + (b << 4);
      IntVector v = IntVector.fromArray(I, codes, w);
      IntVector u = IntVector.fromArray(I, codes, w + 8);
      a0 =
          v.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j), a0);
      a1 =
          u.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 8), a1);
      a2 =
          v.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 16), a2);
      a3 =
          u.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 24), a3);
      a0 =
          v.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 32), a0);
      a1 =
          u.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 40), a1);
      a2 =
          v.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 48), a2);
      a3 =
          u.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.fromArray(F, q, j + 56), a3);
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
