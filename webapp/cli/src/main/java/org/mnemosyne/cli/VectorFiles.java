package org.mnemosyne.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads float32 vectors from {@code .fvecs} (per vector: little-endian int32 dimension, then the
 * floats) or NumPy {@code .npy} (a C-order {@code <f4} array of shape (n, d)). Every vector must
 * have the same dimension and finite values; errors name the file and the vector.
 */
final class VectorFiles {
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+),?\\s*\\)");

  private VectorFiles() {}

  static float[][] read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    float[][] vectors;
    if (name.endsWith(".fvecs")) {
      vectors = fvecs(file);
    } else if (name.endsWith(".npy")) {
      vectors = npy(file);
    } else {
      throw new IllegalArgumentException(file + ": vectors must be a .fvecs or .npy file");
    }
    for (int i = 0; i < vectors.length; i++) {
      for (float v : vectors[i]) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(file + ": vector " + i + " has a non-finite value");
        }
      }
    }
    return vectors;
  }

  private static float[][] fvecs(Path file) throws IOException {
    List<float[]> out = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] four = new byte[4];
      while (true) {
        try {
          in.readFully(four);
        } catch (EOFException end) {
          break;
        }
        int d = ByteBuffer.wrap(four).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (d <= 0 || d > 1 << 16 || (!out.isEmpty() && d != out.get(0).length)) {
          throw new IllegalArgumentException(
              file
                  + ": vector "
                  + out.size()
                  + " has dimension "
                  + d
                  + (out.isEmpty() ? "" : ", expected " + out.get(0).length));
        }
        byte[] data = new byte[4 * d];
        try {
          in.readFully(data);
        } catch (EOFException e) {
          throw new IllegalArgumentException(file + ": truncated at vector " + out.size());
        }
        float[] v = new float[d];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        out.add(v);
      }
    }
    return out.toArray(float[][]::new);
  }

  private static float[][] npy(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      byte[] magic = in.readNBytes(8);
      if (magic.length < 8 || magic[0] != (byte) 0x93 || magic[1] != 'N' || magic[5] != 'Y') {
        throw new IllegalArgumentException(file + ": not a NumPy .npy file");
      }
      int major = magic[6];
      byte[] lenBytes = in.readNBytes(major == 1 ? 2 : 4);
      ByteBuffer lb = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
      int headerLen = major == 1 ? Short.toUnsignedInt(lb.getShort()) : lb.getInt();
      String header = new String(in.readNBytes(headerLen), StandardCharsets.ISO_8859_1);
      if (!header.contains("'descr': '<f4'") || header.contains("'fortran_order': True")) {
        throw new IllegalArgumentException(
            file
                + ": expected a C-order little-endian float32 array ('<f4'), header "
                + header.trim());
      }
      Matcher m = SHAPE.matcher(header);
      if (!m.find()) {
        throw new IllegalArgumentException(
            file + ": expected a 2-d array (n, d), header " + header.trim());
      }
      int n = Integer.parseInt(m.group(1));
      int d = Integer.parseInt(m.group(2));
      float[][] out = new float[n][d];
      byte[] row = new byte[4 * d];
      for (int i = 0; i < n; i++) {
        if (in.readNBytes(row, 0, row.length) != row.length) {
          throw new IllegalArgumentException(file + ": truncated at vector " + i);
        }
        ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out[i]);
      }
      return out;
    }
  }
}
