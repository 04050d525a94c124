package org.mnemosyne.index.vector;

/**
 * Whether the SIMD kernels are in use. They are when the module {@code jdk.incubator.vector} is in
 * the boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}), the
 * preferred vector width is 256 or 512 bits, and the system property {@code mnemosyne.index.scalar}
 * is not {@code true}. Otherwise scalar kernels run; they compute exactly the same canonical
 * scores, only slower.
 */
public final class VectorSupport {
  /** Fixed at class initialisation, so the JIT folds the dispatch away. */
  static final boolean SIMD = detect();

  /** Lanes of the preferred float vector when {@link #SIMD}, else 0. */
  static final int LANES = SIMD ? SimdKernels.lanes() : 0;

  private VectorSupport() {}

  /** Whether SIMD kernels are in use. */
  public static boolean simd() {
    return SIMD;
  }

  /** A short description for logs and benchmarks, e.g. {@code simd-512} or {@code scalar}. */
  public static String describe() {
    return SIMD ? "simd-" + (LANES * 32) : "scalar";
  }

  private static boolean detect() {
    if (Boolean.getBoolean("mnemosyne.index.scalar")
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    try {
      int lanes = SimdKernels.lanes();
      return lanes == 8 || lanes == 16;
    } catch (LinkageError e) {
      return false;
    }
  }
}
