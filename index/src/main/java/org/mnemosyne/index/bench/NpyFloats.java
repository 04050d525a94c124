package org.mnemosyne.index.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 2-d little-endian float32 NumPy {@code .npy} file read into, or written from, one flat array.
 */
public final class NpyFloats {
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+),?\\s*\\)");
  private static final int CHUNK = 1 << 16;

  private NpyFloats() {}

  /**
   * A matrix read from a file.
   *
   * @param values {@code rows * columns} floats, row-major
   * @param rows rows
   * @param columns columns
   */
  public record Matrix(float[] values, int rows, int columns) {}

  /** Writes {@code rows x columns} floats as a version 1.0 {@code .npy} file. */
  public static void write(Path file, float[] values, int rows, int columns) throws IOException {
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            rows,
            columns);
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
      out.write(header.length() & 0xff);
      out.write(header.length() >> 8);
      out.write(header.getBytes(StandardCharsets.ISO_8859_1));
      ByteBuffer buf = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.LITTLE_ENDIAN);
      long count = (long) rows * columns;
      for (long from = 0; from < count; from += CHUNK) {
        int len = (int) Math.min(CHUNK, count - from);
        buf.clear();
        buf.asFloatBuffer().put(values, (int) from, len);
        out.write(buf.array(), 0, 4 * len);
      }
    }
  }

  /** Reads a C-order {@code <f4} 2-d array. */
  public static Matrix read(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        DataInputStream in = new DataInputStream(raw)) {
      byte[] magic = in.readNBytes(8);
      if (magic.length < 8 || magic[0] != (byte) 0x93 || magic[1] != 'N') {
        throw new IOException(file + ": not a .npy file");
      }
      byte[] len = in.readNBytes(magic[6] == 1 ? 2 : 4);
      ByteBuffer lb = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN);
      int headerLen = magic[6] == 1 ? Short.toUnsignedInt(lb.getShort()) : lb.getInt();
      String header = new String(in.readNBytes(headerLen), StandardCharsets.ISO_8859_1);
      Matcher m = SHAPE.matcher(header);
      if (!header.contains("'<f4'") || header.contains("True") || !m.find()) {
        throw new IOException(file + ": expected a C-order 2-d float32 array, header " + header);
      }
      int rows = Integer.parseInt(m.group(1));
      int columns = Integer.parseInt(m.group(2));
      long count = (long) rows * columns;
      if (count > Integer.MAX_VALUE - 8) {
        throw new IOException(file + ": too large for one array (" + count + " floats)");
      }
      float[] values = new float[(int) count];
      byte[] chunk = new byte[4 * CHUNK];
      for (long from = 0; from < count; from += CHUNK) {
        int n = (int) Math.min(CHUNK, count - from);
        in.readFully(chunk, 0, 4 * n);
        ByteBuffer.wrap(chunk, 0, 4 * n)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer()
            .get(values, (int) from, n);
      }
      return new Matrix(values, rows, columns);
    }
  }
}
