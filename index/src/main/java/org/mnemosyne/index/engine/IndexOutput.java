package org.mnemosyne.index.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes the payload of an index file: little-endian primitives and length-prefixed arrays through
 * a 1 MiB buffer, keeping a CRC-32C of every byte and the byte count. Arrays are written in bulk,
 * so a million 512-d vectors save at disk speed. Not thread-safe.
 */
final class IndexOutput {
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private long written;

  IndexOutput(FileChannel channel) {
    this.channel = channel;
  }

  private void room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      flush();
    }
  }

  void flush() throws IOException {
    buffer.flip();
    crc.update(buffer.duplicate());
    written += buffer.remaining();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /** CRC-32C of the bytes written so far (after {@link #flush}). */
  long checksum() {
    return crc.getValue();
  }

  /** Bytes written so far (after {@link #flush}). */
  long length() {
    return written;
  }

  void writeInt(int v) throws IOException {
    room(4);
    buffer.putInt(v);
  }

  void writeLong(long v) throws IOException {
    room(8);
    buffer.putLong(v);
  }

  void writeString(String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length);
    for (int off = 0; off < bytes.length; ) {
      room(1);
      int n = Math.min(buffer.remaining(), bytes.length - off);
      buffer.put(bytes, off, n);
      off += n;
    }
  }

  void writeStrings(String[] values) throws IOException {
    writeInt(values.length);
    for (String s : values) {
      writeString(s);
    }
  }

  void writeInts(int[] values) throws IOException {
    writeInt(values.length);
    for (int off = 0; off < values.length; ) {
      room(4);
      int n = Math.min(buffer.remaining() / 4, values.length - off);
      buffer.asIntBuffer().put(values, off, n);
      buffer.position(buffer.position() + 4 * n);
      off += n;
    }
  }

  void writeLongs(long[] values) throws IOException {
    writeInt(values.length);
    for (int off = 0; off < values.length; ) {
      room(8);
      int n = Math.min(buffer.remaining() / 8, values.length - off);
      buffer.asLongBuffer().put(values, off, n);
      buffer.position(buffer.position() + 8 * n);
      off += n;
    }
  }

  void writeFloats(float[] values) throws IOException {
    writeInt(values.length);
    for (int off = 0; off < values.length; ) {
      room(4);
      int n = Math.min(buffer.remaining() / 4, values.length - off);
      buffer.asFloatBuffer().put(values, off, n);
      buffer.position(buffer.position() + 4 * n);
      off += n;
    }
  }

  void writeDoubles(double[] values) throws IOException {
    writeInt(values.length);
    for (int off = 0; off < values.length; ) {
      room(8);
      int n = Math.min(buffer.remaining() / 8, values.length - off);
      buffer.asDoubleBuffer().put(values, off, n);
      buffer.position(buffer.position() + 8 * n);
      off += n;
    }
  }
}
