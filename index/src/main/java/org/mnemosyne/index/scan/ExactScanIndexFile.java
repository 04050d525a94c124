package org.mnemosyne.index.scan;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.IndexFormatException;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;

/**
 * The saved form of an {@link ExactScanIndex}: a magic number, the header (provider, format
 * version, model, dimension, count, CRC-32 of the payload), then the payload (schema and items).
 * Written to a temporary file and moved into place, so a crash never leaves a half-written index.
 */
final class ExactScanIndexFile {
  private static final int MAGIC = 0x4d4e4958; // "MNIX"

  private ExactScanIndexFile() {}

  static void write(
      Path file, String modelId, int dimension, FacetSchema schema, List<IndexedItem> items)
      throws IOException {
    ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(payloadBytes)) {
      out.writeInt(schema.fields().size());
      for (FacetField f : schema.fields()) {
        out.writeUTF(f.name());
        out.writeUTF(f.type().name());
        out.writeBoolean(f.multiValued());
      }
      for (IndexedItem item : items) {
        out.writeLong(item.id());
        for (float v : item.vector()) {
          out.writeFloat(v);
        }
        var cat = item.facets().categorical();
        out.writeInt(cat.size());
        for (var e : cat.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().size());
          for (String v : e.getValue()) {
            out.writeUTF(v);
          }
        }
        var num = item.facets().numeric();
        out.writeInt(num.size());
        for (var e : num.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (double v : e.getValue()) {
            out.writeDouble(v);
          }
        }
      }
    }
    byte[] payload = payloadBytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(payload);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (DataOutputStream out =
        new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
      out.writeInt(MAGIC);
      out.writeUTF(ExactScanIndexProvider.NAME);
      out.writeUTF(ExactScanIndexProvider.VERSION);
      out.writeUTF(modelId);
      out.writeInt(dimension);
      out.writeLong(items.size());
      out.writeLong(crc.getValue());
      out.writeInt(payload.length);
      out.write(payload);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static ExactScanIndex read(Path file, String expectedModelId, int expectedDimension) {
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC) {
        throw new IndexFormatException(file + " is not a Mnemosyne index file");
      }
      String provider = in.readUTF();
      String version = in.readUTF();
      if (!provider.equals(ExactScanIndexProvider.NAME)
          || !version.equals(ExactScanIndexProvider.VERSION)) {
        throw new IndexFormatException(
            file
                + " was written by "
                + provider
                + " version "
                + version
                + ", not "
                + ExactScanIndexProvider.NAME
                + " version "
                + ExactScanIndexProvider.VERSION);
      }
      String modelId = in.readUTF();
      int dimension = in.readInt();
      if (!modelId.equals(expectedModelId) || dimension != expectedDimension) {
        throw new IndexFormatException(
            file
                + " holds vectors of model "
                + modelId
                + " (dimension "
                + dimension
                + "), expected "
                + expectedModelId
                + " (dimension "
                + expectedDimension
                + ")");
      }
      long count = in.readLong();
      long checksum = in.readLong();
      byte[] payload = new byte[in.readInt()];
      in.readFully(payload);
      CRC32 crc = new CRC32();
      crc.update(payload);
      if (crc.getValue() != checksum) {
        throw new IndexFormatException(file + " is corrupt (checksum mismatch)");
      }
      return parse(ByteBuffer.wrap(payload), modelId, dimension, count);
    } catch (EOFException e) {
      throw new IndexFormatException(file + " is truncated", e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IndexFormatException ife) {
        throw ife;
      }
      throw new IndexFormatException("cannot read index " + file + ": " + e.getMessage(), e);
    }
  }

  private static ExactScanIndex parse(ByteBuffer buf, String modelId, int dimension, long count)
      throws IOException {
    DataInputStream in =
        new DataInputStream(
            new java.io.ByteArrayInputStream(buf.array(), buf.position(), buf.remaining()));
    int fields = in.readInt();
    List<FacetField> schemaFields = new ArrayList<>();
    for (int i = 0; i < fields; i++) {
      schemaFields.add(
          new FacetField(in.readUTF(), FacetType.valueOf(in.readUTF()), in.readBoolean()));
    }
    ExactScanIndex index = new ExactScanIndex(modelId, dimension, FacetSchema.of(schemaFields));
    for (long n = 0; n < count; n++) {
      long id = in.readLong();
      float[] v = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        v[i] = in.readFloat();
      }
      ItemFacets.Builder facets = ItemFacets.builder();
      int cat = in.readInt();
      for (int i = 0; i < cat; i++) {
        String field = in.readUTF();
        int values = in.readInt();
        for (int j = 0; j < values; j++) {
          facets.add(field, in.readUTF());
        }
      }
      int num = in.readInt();
      for (int i = 0; i < num; i++) {
        String field = in.readUTF();
        int values = in.readInt();
        for (int j = 0; j < values; j++) {
          facets.add(field, in.readDouble());
        }
      }
      index.add(new IndexedItem(id, v, facets.build()));
    }
    return index;
  }
}
