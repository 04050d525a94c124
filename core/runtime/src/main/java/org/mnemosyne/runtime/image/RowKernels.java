package org.mnemosyne.runtime.image;

/**
 * The resizer's vertical pass, {@code column[i] += wt * (bytes[from + i] & 0xff)} along a whole row
 * of samples. With the incubating Vector API in the JVM ({@code --add-modules
 * jdk.incubator.vector}, which the launcher passes) a SIMD kernel runs it, else a scalar loop; both
 * do the same float multiply, then add, per sample (the conversion of a byte to float is exact), so
 * they give the same floats bit for bit. The system property {@code mnemosyne.image.scalar=true}
 * forces the scalar loop.
 */
final class RowKernels {
  /** Fixed at class initialisation, so the JIT folds the dispatch away. */
  static final boolean SIMD = detect();

  private RowKernels() {}

  /** {@code column[i] += wt * (bytes[from + i] & 0xff)} for {@code i < n}. */
  static void accumulate(byte[] bytes, int from, float wt, float[] column, int n) {
    if (SIMD) {
      SimdRowKernel.accumulate(bytes, from, wt, column, n);
    } else {
      scalar(bytes, from, wt, column, n);
    }
  }

  /** The scalar loop (also the SIMD kernel's tail). */
  static void scalar(byte[] bytes, int from, float wt, float[] column, int n) {
    for (int i = 0; i < n; i++) {
      column[i] += wt * (bytes[from + i] & 0xff);
    }
  }

  /** {@code simd} or {@code scalar}, for logs and benchmarks. */
  static String describe() {
    return SIMD ? "simd-" + SimdRowKernel.lanes() * 32 : "scalar";
  }

  private static boolean detect() {
    if (Boolean.getBoolean("mnemosyne.image.scalar")
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    try {
      int lanes = SimdRowKernel.lanes();
      return lanes == 8 || lanes == 16;
    } catch (LinkageError e) {
      return false;
    }
  }
}
