package org.mnemosyne.plugins.lucene;

import java.io.IOException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's HNSW vectors format with the graph parameters of the settings and a dimension limit of
 * {@value #MAX_DIMENSIONS} instead of Lucene's default 1,024 (image embeddings such as
 * MobileNetV2's have 1,280). It writes exactly what {@link Lucene99HnswVectorsFormat} writes and
 * carries its name, so saved files are read back by Lucene's own format, found by name.
 */
final class HnswVectorsFormat extends KnnVectorsFormat {
  /** The largest vector dimension accepted. */
  static final int MAX_DIMENSIONS = 4096;

  private final KnnVectorsFormat delegate;

  private HnswVectorsFormat(KnnVectorsFormat delegate) {
    super(delegate.getName());
    this.delegate = delegate;
  }

  /**
   * The codec that writes vectors with this format and everything else as Lucene's default codec.
   *
   * @param settings graph parameters
   */
  static Codec codec(HnswSettings settings) {
    KnnVectorsFormat format =
        new HnswVectorsFormat(
            new Lucene99HnswVectorsFormat(settings.maxConnections(), settings.beamWidth()));
    return new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
  }

  @Override
  public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
    return delegate.fieldsWriter(state);
  }

  @Override
  public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
    return delegate.fieldsReader(state);
  }

  @Override
  public int getMaxDimensions(String fieldName) {
    return MAX_DIMENSIONS;
  }

  @Override
  public String toString() {
    return "HnswVectorsFormat(" + delegate + ", maxDimensions=" + MAX_DIMENSIONS + ")";
  }
}
