package org.mnemosyne.index.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.IndexFormatException;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.index.facet.OrdinalSet;

/**
 * The saved form of a {@link SegmentedIndex}.
 *
 * <pre>
 * header (big-endian, java.io.DataOutput):
 *   int    magic 0x4d4e4958 ("MNIX")
 *   UTF    provider name, provider version (the file format), model id
 *   int    dimension
 *   long   live item count
 *   long   CRC-32C of the payload
 *   long   payload length in bytes
 * payload (little-endian, {@link IndexOutput}):
 *   schema: field count, then per field name, type, multi-valued
 *   segment count, then per segment: kind name, ids, vectors, facet columns, the kind's
 *     structure, deleted ordinals
 *   buffer: item count, then per item id, vector, facets
 * </pre>
 *
 * The file is written to a temporary sibling, forced to disk and moved into place, so a crash
 * leaves the previous file. Reading refuses, with an {@link IndexFormatException} naming the
 * reason: another magic number, provider or version; another model or dimension; a payload shorter
 * or longer than announced; a checksum mismatch; or any structural inconsistency.
 */
final class IndexFile {
  private static final int MAGIC = 0x4d4e4958;

  private IndexFile() {}

  static long write(Path file, SegmentedIndex index, Snapshot snapshot) throws IOException {
    Path target = file.toAbsolutePath();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
    try (DataOutputStream h = new DataOutputStream(headerBytes)) {
      h.writeInt(MAGIC);
      h.writeUTF(index.flavor().provider());
      h.writeUTF(index.flavor().version());
      h.writeUTF(index.modelId());
      h.writeInt(index.dimension());
      h.writeLong(snapshot.size());
      h.writeLong(0); // checksum, patched below
      h.writeLong(0); // payload length, patched below
    }
    byte[] header = headerBytes.toByteArray();
    long checksum;
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(header));
      IndexOutput out = new IndexOutput(channel);
      writePayload(out, index, snapshot);
      out.flush();
      checksum = out.checksum();
      ByteBuffer patch = ByteBuffer.allocate(16);
      patch.putLong(checksum).putLong(out.length()).flip();
      channel.write(patch, header.length - 16);
      channel.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return checksum;
  }

  private static void writePayload(IndexOutput out, SegmentedIndex index, Snapshot snapshot)
      throws IOException {
    List<FacetField> fields = index.schema().fields();
    out.writeInt(fields.size());
    for (FacetField f : fields) {
      out.writeString(f.name());
      out.writeString(f.type().name());
      out.writeInt(f.multiValued() ? 1 : 0);
    }
    out.writeInt(snapshot.segments().size());
    for (Snapshot.LiveSegment live : snapshot.segments()) {
      out.writeString(index.flavor().kind().name());
      live.segment().data.write(out);
      live.segment().writeStructure(out);
      out.writeInts(live.deleted() == null ? new int[0] : live.deleted().toArray());
    }
    out.writeInt(snapshot.buffer().size());
    for (Entry e : snapshot.buffer()) {
      out.writeLong(e.id());
      out.writeFloats(e.vector());
      writeFacets(out, e.facets());
    }
  }

  private static void writeFacets(IndexOutput out, ItemFacets facets) throws IOException {
    Map<String, List<String>> categorical = facets.categorical();
    out.writeInt(categorical.size());
    for (var e : categorical.entrySet()) {
      out.writeString(e.getKey());
      out.writeStrings(e.getValue().toArray(new String[0]));
    }
    Map<String, double[]> numeric = facets.numeric();
    out.writeInt(numeric.size());
    for (var e : numeric.entrySet()) {
      out.writeString(e.getKey());
      out.writeDoubles(e.getValue());
    }
  }

  static SegmentedIndex read(
      Path file, IndexFlavor flavor, String expectedModelId, int expectedDimension) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(fileSize, 1 << 16));
      while (head.hasRemaining() && channel.read(head) > 0) {
        // fill
      }
      DataInputStream h =
          new DataInputStream(new ByteArrayInputStream(head.array(), 0, head.position()));
      if (head.position() < 4 || h.readInt() != MAGIC) {
        throw new IndexFormatException(file + " is not a Mnemosyne index file");
      }
      String provider = h.readUTF();
      String version = h.readUTF();
      if (!provider.equals(flavor.provider()) || !version.equals(flavor.version())) {
        throw new IndexFormatException(
            file
                + " was written by index provider "
                + provider
                + " version "
                + version
                + ", not "
                + flavor.provider()
                + " version "
                + flavor.version());
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
      long headerLength = head.position() - h.available();
      if (headerLength + payloadLength > fileSize) {
        throw new IndexFormatException(file + " is truncated");
      }
      if (headerLength + payloadLength < fileSize) {
        throw new IndexFormatException(file + " is corrupt (bytes after the payload)");
      }
      channel.position(headerLength);
      IndexInput in = new IndexInput(channel, payloadLength);
      SegmentedIndex index;
      try {
        index = readPayload(in, flavor, modelId, dimension);
        if (in.remaining() != 0) {
          throw new IndexFormatException("the payload has unread bytes");
        }
      } catch (IOException | RuntimeException e) {
        throw new IndexFormatException(file + " is corrupt (" + e.getMessage() + ")", e);
      }
      if (in.checksum() != checksum) {
        throw new IndexFormatException(file + " is corrupt (checksum mismatch)");
      }
      if (index.size() != count) {
        throw new IndexFormatException(
            file + " is corrupt (header says " + count + " items, found " + index.size() + ")");
      }
      index.loadedChecksum(checksum);
      return index;
    } catch (NoSuchFileException e) {
      throw new IndexFormatException("no index file " + file, e);
    } catch (EOFException e) {
      throw new IndexFormatException(file + " is truncated", e);
    } catch (IOException e) {
      throw new IndexFormatException("cannot read index " + file + ": " + e.getMessage(), e);
    }
  }

  private static SegmentedIndex readPayload(
      IndexInput in, IndexFlavor flavor, String modelId, int dimension) throws IOException {
    int fieldCount = in.readInt();
    if (fieldCount < 0 || fieldCount > in.remaining()) {
      throw new IndexFormatException("corrupt schema");
    }
    List<FacetField> fields = new ArrayList<>();
    for (int i = 0; i < fieldCount; i++) {
      fields.add(
          new FacetField(in.readString(), FacetType.valueOf(in.readString()), in.readInt() != 0));
    }
    FacetSchema schema = FacetSchema.of(fields);
    int segmentCount = in.readInt();
    if (segmentCount < 0 || segmentCount > in.remaining()) {
      throw new IndexFormatException("corrupt segment count");
    }
    List<Snapshot.LiveSegment> segments = new ArrayList<>();
    for (int i = 0; i < segmentCount; i++) {
      String kind = in.readString();
      if (!kind.equals(flavor.kind().name())) {
        throw new IndexFormatException("a segment of kind " + kind + " in a " + flavor + " file");
      }
      SegmentData data = SegmentData.read(in, dimension, schema);
      Segment segment = flavor.kind().read(in, data);
      int[] deleted = in.readInts();
      segments.add(
          new Snapshot.LiveSegment(
              segment,
              deleted.length == 0
                  ? null
                  : OrdinalSet.ofSorted(data.size(), deleted, deleted.length)));
    }
    int bufferSize = in.readInt();
    if (bufferSize < 0 || bufferSize > in.remaining()) {
      throw new IndexFormatException("corrupt buffer size");
    }
    List<Entry> buffer = new ArrayList<>();
    for (int i = 0; i < bufferSize; i++) {
      long id = in.readLong();
      float[] vector = in.readFloats();
      if (vector.length != dimension) {
        throw new IndexFormatException("a buffered vector of the wrong dimension");
      }
      buffer.add(new Entry(id, vector, readFacets(in)));
    }
    return new SegmentedIndex(flavor, modelId, dimension, schema, new Snapshot(segments, buffer));
  }

  private static ItemFacets readFacets(IndexInput in) throws IOException {
    ItemFacets.Builder b = ItemFacets.builder();
    int categorical = in.readInt();
    for (int i = 0; i < categorical; i++) {
      String field = in.readString();
      for (String v : in.readStrings()) {
        b.add(field, v);
      }
    }
    int numeric = in.readInt();
    for (int i = 0; i < numeric; i++) {
      String field = in.readString();
      for (double v : in.readDoubles()) {
        b.add(field, v);
      }
    }
    return b.build();
  }
}
