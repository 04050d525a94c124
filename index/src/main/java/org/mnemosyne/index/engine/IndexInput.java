package org.mnemosyne.index.engine;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.mnemosyne.api.index.IndexFormatException;

/**
 * Reads what {@link IndexOutput} wrote, within a payload of known length: every array length is
 * checked against the bytes left before anything is allocated, so a corrupt length is an {@link
 * IndexFormatException}, never an out-of-memory error. Keeps a CRC-32C of the bytes read. Not
 * thread-safe.
 */
final class IndexInput {
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private long left;

  IndexInput(FileChannel channel, long payloadLength) {
    this.channel = channel;
    this.left = payloadLength;
    buffer.limit(0);
  }

  /** CRC-32C of the bytes consumed so far. */
  long checksum() {
    return crc.getValue();
  }

  /** Bytes of the payload not yet consumed. */
  long remaining() {
    return left + buffer.remaining();
  }

  private void need(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return;
    }
    buffer.compact();
    while (buffer.position() < bytes) {
      if (left <= 0) {
        throw new EOFException("the payload ends early");
      }
      int max = (int) Math.min(buffer.remaining(), left);
      ByteBuffer slice = buffer.duplicate();
      slice.limit(slice.position() + max);
      int n = channel.read(slice);
      if (n < 0) {
        throw new EOFException("the file ends early");
      }
      ByteBuffer fresh = buffer.duplicate();
      fresh.limit(buffer.position() + n);
      crc.update(fresh);
      buffer.position(buffer.position() + n);
      left -= n;
    }
    buffer.flip();
  }

  int readInt() throws IOException {
    need(4);
    return buffer.getInt();
  }

  long readLong() throws IOException {
    need(8);
    return buffer.getLong();
  }

  private int length(int elementSize, String what) throws IOException {
    int n = readInt();
    if (n < 0 || (long) n * elementSize > remaining()) {
      throw new IndexFormatException("corrupt length " + n + " of " + what);
    }
    return n;
  }

  String readString() throws IOException {
    byte[] bytes = new byte[length(1, "a string")];
    for (int off = 0; off < bytes.length; ) {
      need(1);
      int n = Math.min(buffer.remaining(), bytes.length - off);
      buffer.get(bytes, off, n);
      off += n;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  String[] readStrings() throws IOException {
    String[] out = new String[length(4, "a string list")];
    for (int i = 0; i < out.length; i++) {
      out[i] = readString();
    }
    return out;
  }

  int[] readInts() throws IOException {
    int[] out = new int[length(4, "an int array")];
    for (int off = 0; off < out.length; ) {
      need(4);
      int n = Math.min(buffer.remaining() / 4, out.length - off);
      buffer.asIntBuffer().get(out, off, n);
      buffer.position(buffer.position() + 4 * n);
      off += n;
    }
    return out;
  }

  long[] readLongs() throws IOException {
    long[] out = new long[length(8, "a long array")];
    for (int off = 0; off < out.length; ) {
      need(8);
      int n = Math.min(buffer.remaining() / 8, out.length - off);
      buffer.asLongBuffer().get(out, off, n);
      buffer.position(buffer.position() + 8 * n);
      off += n;
    }
    return out;
  }

  float[] readFloats() throws IOException {
    float[] out = new float[length(4, "a float array")];
    for (int off = 0; off < out.length; ) {
      need(4);
      int n = Math.min(buffer.remaining() / 4, out.length - off);
      buffer.asFloatBuffer().get(out, off, n);
      buffer.position(buffer.position() + 4 * n);
      off += n;
    }
    return out;
  }

  double[] readDoubles() throws IOException {
    double[] out = new double[length(8, "a double array")];
    for (int off = 0; off < out.length; ) {
      need(8);
      int n = Math.min(buffer.remaining() / 8, out.length - off);
      buffer.asDoubleBuffer().get(out, off, n);
      buffer.position(buffer.position() + 8 * n);
      off += n;
    }
    return out;
  }
}
