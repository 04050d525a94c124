package org.mnemosyne.index.engine;

import java.io.IOException;
import org.mnemosyne.index.tree.BallPartition;

/** Writes and reads a {@link BallPartition}'s flat arrays. */
final class PartitionCodec {
  private PartitionCodec() {}

  static void write(IndexOutput out, BallPartition p) throws IOException {
    Object[] arrays = p.toArrays();
    for (int i = 0; i < 5; i++) {
      out.writeInts((int[]) arrays[i]);
    }
    out.writeFloats((float[]) arrays[5]);
    out.writeFloats((float[]) arrays[6]);
  }

  static BallPartition read(IndexInput in, SegmentData data) throws IOException {
    int[] order = in.readInts();
    int[] start = in.readInts();
    int[] end = in.readInts();
    int[] left = in.readInts();
    int[] right = in.readInts();
    float[] centre = in.readFloats();
    float[] slack = in.readFloats();
    if (order.length != data.size()) {
      throw new IllegalArgumentException("the tree does not cover the segment");
    }
    return BallPartition.fromArrays(
        data.dimension(), order, start, end, left, right, centre, slack);
  }
}
