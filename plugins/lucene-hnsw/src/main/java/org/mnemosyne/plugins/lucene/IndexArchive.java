package org.mnemosyne.plugins.lucene;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.IndexFormatException;

/**
 * The saved form of a {@code lucene-hnsw} index: one file, with the header every Mnemosyne index
 * file starts with, then the files of one Lucene commit.
 *
 * <pre>
 * header (big-endian, java.io.DataOutput), as the built-in providers write it:
 *   int    magic 0x4d4e4958 ("MNIX")
 *   UTF    provider name, provider version (the file format), model id
 *   int    dimension
 *   long   live item count
 *   long   CRC-32C of the payload
 *   long   payload length in bytes
 * payload (big-endian):
 *   int    schema field count, then per field: UTF name, UTF type, boolean multi-valued
 *   int    file count, then per file: UTF name, long length, the bytes
 * </pre>
 *
 * The file is written to a temporary sibling, forced to disk and moved into place, so a crash
 * leaves the previous file. Reading checks the header before anything else and refuses, with an
 * {@link IndexFormatException} naming the reason: another magic number, provider or version;
 * another model or dimension; a payload shorter or longer than announced; a checksum mismatch; a
 * malformed schema or file name.
 */
final class IndexArchive {
  private static final int MAGIC = 0x4d4e4958;
  private static final int COPY_BUFFER = 1 << 16;
  private static final int MAX_FILES = 100_000;

  /** Lucene's file names: letters, digits, {@code _}, {@code -} and dots, never a path. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  /** What a file says about itself besides the Lucene files. */
  record Header(
      String provider, String version, String modelId, int dimension, long count, long checksum) {}

  /** A file's header and schema, after its Lucene files were copied into a directory. */
  record Contents(Header header, FacetSchema schema) {}

  private IndexArchive() {}

  /**
   * Writes an archive atomically.
   *
   * @param header provider, version, model, dimension and count (the checksum is computed)
   * @param files the Lucene files of one commit in {@code directory}
   * @return the payload's checksum
   */
  static long write(
      Path file, Header header, FacetSchema schema, Directory directory, Collection<String> files)
      throws IOException {
    Path target = file.toAbsolutePath();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    byte[] head = headerBytes(header, 0, 0);
    long checksum;
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(head));
      CRC32C crc = new CRC32C();
      CountingOutputStream counted =
          new CountingOutputStream(
              new BufferedOutputStream(Channels.newOutputStream(channel), COPY_BUFFER));
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(counted, crc));
      writePayload(out, schema, directory, files);
      out.flush();
      checksum = crc.getValue();
      ByteBuffer patch = ByteBuffer.allocate(16);
      patch.putLong(checksum).putLong(counted.count).flip();
      channel.write(patch, head.length - 16);
      channel.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return checksum;
  }

  private static byte[] headerBytes(Header h, long checksum, long payloadLength)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeUTF(h.provider());
      out.writeUTF(h.version());
      out.writeUTF(h.modelId());
      out.writeInt(h.dimension());
      out.writeLong(h.count());
      out.writeLong(checksum);
      out.writeLong(payloadLength);
    }
    return bytes.toByteArray();
  }

  private static void writePayload(
      DataOutputStream out, FacetSchema schema, Directory directory, Collection<String> files)
      throws IOException {
    List<FacetField> fields = schema.fields();
    out.writeInt(fields.size());
    for (FacetField f : fields) {
      out.writeUTF(f.name());
      out.writeUTF(f.type().name());
      out.writeBoolean(f.multiValued());
    }
    out.writeInt(files.size());
    byte[] buffer = new byte[COPY_BUFFER];
    for (String name : files) {
      try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
        long length = in.length();
        out.writeUTF(name);
        out.writeLong(length);
        for (long done = 0; done < length; ) {
          int n = (int) Math.min(buffer.length, length - done);
          in.readBytes(buffer, 0, n);
          out.write(buffer, 0, n);
          done += n;
        }
      }
    }
  }

  /**
   * Reads an archive: checks the header, copies the Lucene files into {@code directory} (which must
   * be empty) and checks the payload's length and checksum.
   *
   * @throws IndexFormatException if the file is missing, unreadable, corrupt, or written by another
   *     provider, version, model or dimension
   */
  static Contents read(
      Path file,
      String provider,
      String version,
      String expectedModelId,
      int expectedDimension,
      Directory directory) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), COPY_BUFFER)) {
      long fileSize = Files.size(file);
      DataInputStream h = new DataInputStream(raw);
      if (fileSize < 4 || h.readInt() != MAGIC) {
        throw new IndexFormatException(file + " is not a Mnemosyne index file");
      }
      String fileProvider = h.readUTF();
      String fileVersion = h.readUTF();
      if (!fileProvider.equals(provider) || !fileVersion.equals(version)) {
        throw new IndexFormatException(
            file
                + " was written by index provider "
                + fileProvider
                + " version "
                + fileVersion
                + ", not "
                + provider
                + " version "
                + version);
      }
      String modelId = h.readUTF();
      int dimension = h.readInt();
      if (!modelId.equals(expectedModelId) || dimension != expectedDimension) {
        throw new IndexFormatException(
            file
                + " holds vectors of model "
                + modelId
                + " (dimension "
                + dimension
                + "), expected model "
                + expectedModelId
                + " (dimension "
                + expectedDimension
                + ")");
      }
      long count = h.readLong();
      long checksum = h.readLong();
      long payloadLength = h.readLong();
      Header header = new Header(fileProvider, fileVersion, modelId, dimension, count, checksum);
      long headerLength = headerBytes(header, checksum, payloadLength).length;
      if (payloadLength < 0 || headerLength + payloadLength > fileSize) {
        throw new IndexFormatException(file + " is truncated");
      }
      if (headerLength + payloadLength < fileSize) {
        throw new IndexFormatException(file + " is corrupt (bytes after the payload)");
      }
      CRC32C crc = new CRC32C();
      DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
      FacetSchema schema;
      try {
        schema = readPayload(in, payloadLength, directory);
      } catch (EOFException e) {
        throw new IndexFormatException(file + " is corrupt (a file runs past the payload)", e);
      } catch (IOException | RuntimeException e) {
        throw new IndexFormatException(file + " is corrupt (" + e.getMessage() + ")", e);
      }
      if (crc.getValue() != checksum) {
        throw new IndexFormatException(file + " is corrupt (checksum mismatch)");
      }
      return new Contents(header, schema);
    } catch (NoSuchFileException e) {
      throw new IndexFormatException("no index file " + file, e);
    } catch (EOFException e) {
      throw new IndexFormatException(file + " is truncated", e);
    } catch (IOException e) {
      throw new IndexFormatException("cannot read index " + file + ": " + e.getMessage(), e);
    }
  }

  private static FacetSchema readPayload(DataInputStream in, long payloadLength, Directory dir)
      throws IOException {
    int fieldCount = in.readInt();
    if (fieldCount < 0 || fieldCount > payloadLength) {
      throw new IndexFormatException("corrupt schema");
    }
    List<FacetField> fields = new ArrayList<>();
    for (int i = 0; i < fieldCount; i++) {
      fields.add(new FacetField(in.readUTF(), FacetType.valueOf(in.readUTF()), in.readBoolean()));
    }
    FacetSchema schema = FacetSchema.of(fields);
    int fileCount = in.readInt();
    if (fileCount < 0 || fileCount > MAX_FILES) {
      throw new IndexFormatException("corrupt file count " + fileCount);
    }
    byte[] buffer = new byte[COPY_BUFFER];
    for (int i = 0; i < fileCount; i++) {
      String name = in.readUTF();
      if (!FILE_NAME.matcher(name).matches()) {
        throw new IndexFormatException("a file with the malformed name '" + name + "'");
      }
      long length = in.readLong();
      if (length < 0 || length > payloadLength) {
        throw new IndexFormatException("file " + name + " has a corrupt length " + length);
      }
      try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
        for (long done = 0; done < length; ) {
          int n = (int) Math.min(buffer.length, length - done);
          in.readFully(buffer, 0, n);
          out.writeBytes(buffer, 0, n);
          done += n;
        }
      }
    }
    if (in.read() != -1) {
      throw new IndexFormatException("bytes after the last file");
    }
    return schema;
  }

  /** Counts the bytes written through it. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
