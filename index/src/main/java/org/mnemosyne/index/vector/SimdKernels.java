package org.mnemosyne.index.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the Vector API, for 512-bit (16 lanes) and 256-bit (8 lanes) vectors. Loaded only
 * when {@link VectorSupport} found the module; every result equals the scalar reference in {@link
 * ScalarKernels} bit for bit (dot) or up to summation order (approximate scores, whose bounds allow
 * for it).
 *
 * <p>Three rules keep these kernels on the intrinsics; break one and C2 silently runs the Vector
 * API's scalar Java fallback, an order of magnitude slower (seen with JFR as allocations of {@code
 * Float512Vector} in the kernels):
 *
 * <ul>
 *   <li>vector values never merge at control-flow joins: each kernel is one loop with vector
 *       accumulators; the rare tail (a dimension that is not a multiple of 64) leaves the vectors
 *       through an array;
 *   <li>no second loop consumes the accumulators of a first one;
 *   <li>each kernel is larger than HotSpot's inlining limit for hot methods (325 bytecodes), so it
 *       is compiled as its own root: inlined deep inside a caller, the Vector API's long chains of
 *       forced inlining reach {@code MaxInlineLevel}. Both widths therefore share one method, the
 *       width being a constant the JIT folds.
 * </ul>
 */
final class SimdKernels {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  private static final int L = F.length();

  /** Bytes that widen to one float vector: 16 (128 bits) or 8 (64 bits). */
  private static final VectorSpecies<Byte> B =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(8 * L));

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

  /**
   * The canonical dot product. With 16 lanes partial {@code p = 16k + l} is lane {@code l} of
   * accumulator {@code k}; with 8 lanes {@code p = 8k + l}, and the canonical {@code s[l]} ({@code
   * l < 16}) = {@code (p[l] + p[16+l]) + (p[32+l] + p[48+l])} gives {@code s[0..8) =
   * (b0+b2)+(b4+b6)} and {@code s[8..16) = (b1+b3)+(b5+b7)}.
   */
  static float dot(float[] a, int ao, float[] b, int bo, int d) {
    return (d & 63) == 0 ? dotFull(a, ao, b, bo, d) : dotTail(a, ao, b, bo, d);
  }

  /** {@link #dot} for a multiple of 64 dimensions: all in vectors, canonical lane reduction. */
  private static float dotFull(float[] a, int ao, float[] b, int bo, int d) {
    if (L == 16) {
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int j = 0; j < d; j += 64) {
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
      return reduce16(a0, a1, a2, a3);
    }
    FloatVector b0 = FloatVector.zero(F);
    FloatVector b1 = b0;
    FloatVector b2 = b0;
    FloatVector b3 = b0;
    FloatVector b4 = b0;
    FloatVector b5 = b0;
    FloatVector b6 = b0;
    FloatVector b7 = b0;
    for (int j = 0; j < d; j += 64) {
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
    FloatVector s = b0.add(b2).add(b4.add(b6)).add(b1.add(b3).add(b5.add(b7)));
    s = s.add(s.rearrange(DOWN4));
    s = s.add(s.rearrange(DOWN2));
    return (s.lane(0) + s.lane(1)) + 0.0f;
  }

  /** {@link #dot} with a tail: the vectors leave through an array of the 64 partials. */
  private static float dotTail(float[] a, int ao, float[] b, int bo, int d) {
    int full = d & ~63;
    float[] p = new float[64];
    if (L == 16) {
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int j = 0; j < full; j += 64) {
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
      a0.intoArray(p, 0);
      a1.intoArray(p, 16);
      a2.intoArray(p, 32);
      a3.intoArray(p, 48);
      return tail(a, ao, b, bo, full, d, p);
    }
    FloatVector b0 = FloatVector.zero(F);
    FloatVector b1 = b0;
    FloatVector b2 = b0;
    FloatVector b3 = b0;
    FloatVector b4 = b0;
    FloatVector b5 = b0;
    FloatVector b6 = b0;
    FloatVector b7 = b0;
    for (int j = 0; j < full; j += 64) {
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

  /**
   * See {@link ScalarKernels#approx}; summation order differs, which the bounds allow for. Each
   * load of {@code L} bytes is widened to {@code L} floats (sign extension and conversion, exact).
   */
  static float approx(float[] q, byte[] codes, int offset, int length) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int j = 0; j < length; j += 4 * L) {
      a0 = widen(codes, offset + j).fma(FloatVector.fromArray(F, q, j), a0);
      a1 = widen(codes, offset + j + L).fma(FloatVector.fromArray(F, q, j + L), a1);
      a2 = widen(codes, offset + j + 2 * L).fma(FloatVector.fromArray(F, q, j + 2 * L), a2);
      a3 = widen(codes, offset + j + 3 * L).fma(FloatVector.fromArray(F, q, j + 3 * L), a3);
    }
    return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
  }

  /**
   * {@link #approx} of four code rows at once (raw sums, unscaled, into {@code out[0..4)}): the
   * four rows are read side by side, so that their cache misses overlap.
   */
  static void approx4(
      float[] q, byte[] codes, int o0, int o1, int o2, int o3, int length, float[] out) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector c0 = a0;
    FloatVector c1 = a0;
    FloatVector e0 = a0;
    FloatVector e1 = a0;
    for (int j = 0; j < length; j += 2 * L) {
      FloatVector q0 = FloatVector.fromArray(F, q, j);
      FloatVector q1 = FloatVector.fromArray(F, q, j + L);
      a0 = widen(codes, o0 + j).fma(q0, a0);
      b0 = widen(codes, o1 + j).fma(q0, b0);
      c0 = widen(codes, o2 + j).fma(q0, c0);
      e0 = widen(codes, o3 + j).fma(q0, e0);
      a1 = widen(codes, o0 + j + L).fma(q1, a1);
      b1 = widen(codes, o1 + j + L).fma(q1, b1);
      c1 = widen(codes, o2 + j + L).fma(q1, c1);
      e1 = widen(codes, o3 + j + L).fma(q1, e1);
    }
    out[0] = a0.add(a1).reduceLanes(VectorOperators.ADD);
    out[1] = b0.add(b1).reduceLanes(VectorOperators.ADD);
    out[2] = c0.add(c1).reduceLanes(VectorOperators.ADD);
    out[3] = e0.add(e1).reduceLanes(VectorOperators.ADD);
  }

  /** {@code L} signed bytes from {@code offset} as floats. */
  /**
   * Approximate scores of the 64 rows of one transposed code block ({@link BlockCodes}): {@code
   * out[r] = sum_t values[t] * block[(dims[t] << 6) + r]} over the query's {@code count} non-zero
   * dimensions (each dimension's 64 codes are one cache line); two accumulators per 16 lanes (any
   * summation order is allowed for approximate scores). Only for 16 lanes; see {@link
   * #blockApplies}. {@code count} must be a multiple of 4 (the caller pads with value 0 at
   * dimension 0).
   */
  static void blockApprox(
      float[] values, int[] dims, int count, byte[] block, int base, float[] out) {
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    for (int t = 0; t < count; t += 2) {
      int o = base + (dims[t] << 6);
      FloatVector v = FloatVector.broadcast(F, values[t]);
      a0 = widen(block, o).fma(v, a0);
      a1 = widen(block, o + 16).fma(v, a1);
      a2 = widen(block, o + 32).fma(v, a2);
      a3 = widen(block, o + 48).fma(v, a3);
      int p = base + (dims[t + 1] << 6);
      FloatVector w = FloatVector.broadcast(F, values[t + 1]);
      b0 = widen(block, p).fma(w, b0);
      b1 = widen(block, p + 16).fma(w, b1);
      b2 = widen(block, p + 32).fma(w, b2);
      b3 = widen(block, p + 48).fma(w, b3);
    }
    a0.add(b0).intoArray(out, 0);
    a1.add(b1).intoArray(out, 16);
    a2.add(b2).intoArray(out, 32);
    a3.add(b3).intoArray(out, 48);
  }

  /** Whether {@link #blockApprox} runs on this machine (16 float lanes). */
  static boolean blockApplies() {
    return L == 16;
  }

  private static FloatVector widen(byte[] codes, int offset) {
    return (FloatVector) ByteVector.fromArray(B, codes, offset).castShape(F, 0);
  }

  /**
   * {@link #dot} of one vector with four rows of {@code b} (offsets {@code o0..o3}), bit for bit
   * the canonical result of each, into {@code out[0..4)}: the same four 16-lane accumulators per
   * row and the same lane reduction as {@link #dotFull}, but the four rows are read side by side so
   * that their cache misses overlap. Only for 16 lanes and a multiple of 64 dimensions (see {@link
   * #dot4Applies}).
   */
  static void dot4(
      float[] a, int ao, float[] b, int o0, int o1, int o2, int o3, int d, float[] out) {
    FloatVector r0 = FloatVector.zero(F);
    FloatVector r1 = r0;
    FloatVector r2 = r0;
    FloatVector r3 = r0;
    FloatVector s0 = r0;
    FloatVector s1 = r0;
    FloatVector s2 = r0;
    FloatVector s3 = r0;
    FloatVector t0 = r0;
    FloatVector t1 = r0;
    FloatVector t2 = r0;
    FloatVector t3 = r0;
    FloatVector u0 = r0;
    FloatVector u1 = r0;
    FloatVector u2 = r0;
    FloatVector u3 = r0;
    for (int j = 0; j < d; j += 64) {
      FloatVector q0 = FloatVector.fromArray(F, a, ao + j);
      FloatVector q1 = FloatVector.fromArray(F, a, ao + j + 16);
      FloatVector q2 = FloatVector.fromArray(F, a, ao + j + 32);
      FloatVector q3 = FloatVector.fromArray(F, a, ao + j + 48);
      r0 = q0.fma(FloatVector.fromArray(F, b, o0 + j), r0);
      s0 = q0.fma(FloatVector.fromArray(F, b, o1 + j), s0);
      t0 = q0.fma(FloatVector.fromArray(F, b, o2 + j), t0);
      u0 = q0.fma(FloatVector.fromArray(F, b, o3 + j), u0);
      r1 = q1.fma(FloatVector.fromArray(F, b, o0 + j + 16), r1);
      s1 = q1.fma(FloatVector.fromArray(F, b, o1 + j + 16), s1);
      t1 = q1.fma(FloatVector.fromArray(F, b, o2 + j + 16), t1);
      u1 = q1.fma(FloatVector.fromArray(F, b, o3 + j + 16), u1);
      r2 = q2.fma(FloatVector.fromArray(F, b, o0 + j + 32), r2);
      s2 = q2.fma(FloatVector.fromArray(F, b, o1 + j + 32), s2);
      t2 = q2.fma(FloatVector.fromArray(F, b, o2 + j + 32), t2);
      u2 = q2.fma(FloatVector.fromArray(F, b, o3 + j + 32), u2);
      r3 = q3.fma(FloatVector.fromArray(F, b, o0 + j + 48), r3);
      s3 = q3.fma(FloatVector.fromArray(F, b, o1 + j + 48), s3);
      t3 = q3.fma(FloatVector.fromArray(F, b, o2 + j + 48), t3);
      u3 = q3.fma(FloatVector.fromArray(F, b, o3 + j + 48), u3);
    }
    out[0] = reduce16(r0, r1, r2, r3);
    out[1] = reduce16(s0, s1, s2, s3);
    out[2] = reduce16(t0, t1, t2, t3);
    out[3] = reduce16(u0, u1, u2, u3);
  }

  /**
   * The canonical reduction of four 16-lane accumulators to one float, shared by {@link #dotFull}
   * and {@link #dot4} so that both give the same bits: pairwise sums, then halving lane folds.
   */
  private static float reduce16(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3) {
    FloatVector s = a0.add(a1).add(a2.add(a3));
    s = s.add(s.rearrange(DOWN8));
    s = s.add(s.rearrange(DOWN4));
    s = s.add(s.rearrange(DOWN2));
    return (s.lane(0) + s.lane(1)) + 0.0f;
  }

  /** Whether {@link #dot4} may be used for vectors of length {@code d}. */
  static boolean dot4Applies(int d) {
    return L == 16 && (d & 63) == 0;
  }

  /**
   * The group kernel of {@link PrefixBounds#bound}: lane l bounds item {@code g L + l} after 64 and
   * (when there are two blocks) 128 head components; see there for the layout.
   */
  static void prefixBounds(
      float[] w,
      int heads,
      int blocks,
      int[] codes,
      int g,
      float[] scale,
      float[][] headResidual,
      float[][] tail,
      float[] slack,
      float threshold,
      float[] out,
      float[] scratch) {
    int base = g * L;
    FloatVector bias = FloatVector.broadcast(F, MAGIC_OFFSET);
    FloatVector sc = FloatVector.fromArray(F, scale, base);
    FloatVector sl = FloatVector.fromArray(F, slack, base);
    int cbase = g * 16 * L;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int t = 0; t < 16; t++) {
      IntVector v = IntVector.fromArray(I, codes, cbase + t * L);
      int j = 4 * t;
      a0 =
          v.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j]), a0);
      a1 =
          v.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j + 1]), a1);
      a2 =
          v.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j + 2]), a2);
      a3 =
          v.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j + 3]), a3);
    }
    FloatVector partial = a0.add(a1).add(a2.add(a3)).mul(sc);
    FloatVector first =
        partial
            .add(FloatVector.fromArray(F, headResidual[0], base).mul(w[heads]))
            .add(FloatVector.fromArray(F, tail[0], base).mul(w[heads + 1]))
            .add(sl.mul(w[heads + 2]));
    first = first.add(first.abs().mul(1e-6f)).add(Float.MIN_NORMAL);
    first.intoArray(out, 0);
    partial.intoArray(scratch, 0);
    // No vector may live across this branch (C2 would fall back to Java): reload after it.
    if (blocks == 1 || first.compare(VectorOperators.LT, threshold).allTrue()) {
      return;
    }
    prefixSecond(w, heads, codes, g, scale, headResidual, tail, slack, out, scratch);
  }

  /** The second checkpoint of {@link #prefixBounds}, starting from the partial sums in scratch. */
  private static void prefixSecond(
      float[] w,
      int heads,
      int[] codes,
      int g,
      float[] scale,
      float[][] headResidual,
      float[][] tail,
      float[] slack,
      float[] out,
      float[] scratch) {
    int base = g * L;
    FloatVector bias = FloatVector.broadcast(F, MAGIC_OFFSET);
    int cbase = (codes.length / (32 * L) + g) * 16 * L;
    FloatVector b0 = FloatVector.zero(F);
    FloatVector b1 = b0;
    FloatVector b2 = b0;
    FloatVector b3 = b0;
    for (int t = 0; t < 16; t++) {
      IntVector v = IntVector.fromArray(I, codes, cbase + t * L);
      int j = 64 + 4 * t;
      b0 =
          v.and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j]), b0);
      b1 =
          v.lanewise(VectorOperators.LSHR, 8)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j + 1]), b1);
      b2 =
          v.lanewise(VectorOperators.LSHR, 16)
              .and(0xFF)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j + 2]), b2);
      b3 =
          v.lanewise(VectorOperators.LSHR, 24)
              .or(MAGIC_BITS)
              .reinterpretAsFloats()
              .sub(bias)
              .fma(FloatVector.broadcast(F, w[j + 3]), b3);
    }
    FloatVector second =
        FloatVector.fromArray(F, scratch, 0)
            .add(b0.add(b1).add(b2.add(b3)).mul(FloatVector.fromArray(F, scale, base)))
            .add(FloatVector.fromArray(F, headResidual[1], base).mul(w[heads + 3]))
            .add(FloatVector.fromArray(F, tail[1], base).mul(w[heads + 4]))
            .add(FloatVector.fromArray(F, slack, base).mul(w[heads + 5]));
    second = second.add(second.abs().mul(1e-6f)).add(Float.MIN_NORMAL);
    FloatVector.fromArray(F, out, 0).min(second).intoArray(out, 0);
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
