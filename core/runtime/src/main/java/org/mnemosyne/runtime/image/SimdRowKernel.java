package org.mnemosyne.runtime.image;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD form of {@link RowKernels#scalar}, for 512-bit (16 lanes) and 256-bit (8 lanes) vectors.
 * Loaded only when {@link RowKernels} found the module. Per lane it does what the scalar loop does
 * per sample: exact byte-to-float conversion, one float multiply, one float add (never fused).
 */
final class SimdRowKernel {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I =
      VectorSpecies.of(int.class, FloatVector.SPECIES_PREFERRED.vectorShape());
  private static final VectorSpecies<Byte> B =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(F.length() * 8));
  private static final int L = F.length();

  private SimdRowKernel() {}

  static int lanes() {
    return FloatVector.SPECIES_PREFERRED.length();
  }

  static void accumulate(byte[] bytes, int from, float wt, float[] column, int n) {
    FloatVector w = FloatVector.broadcast(F, wt);
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector v =
          (FloatVector)
              ((IntVector)
                      ByteVector.fromArray(B, bytes, from + i)
                          .convertShape(VectorOperators.B2I, I, 0))
                  .and(0xff)
                  .convertShape(VectorOperators.I2F, F, 0);
      FloatVector.fromArray(F, column, i).add(v.mul(w)).intoArray(column, i);
    }
    for (; i < n; i++) {
      column[i] += wt * (bytes[from + i] & 0xff);
    }
  }
}
