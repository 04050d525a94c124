package org.mnemosyne.explain.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.explain.BilinearGapSimilarity;
import org.mnemosyne.explain.TestImages;

class MemoisedSimilarityTest {
  private final BilinearGapSimilarity model = new BilinearGapSimilarity(2, 2, 3, 5, true);
  private final RgbImage a = TestImages.random(8, 8, 1);
  private final RgbImage b = TestImages.random(8, 8, 2);
  private final RgbImage bCopy = RgbImage.ofPlanes(8, 8, b.planes());

  @Test
  void equalPixelsAreScoredOnceAndGiveTheSameScores() {
    MemoisedSimilarity memo = new MemoisedSimilarity(model);
    double[] first = memo.similarity(List.of(new ImagePair(a, b), new ImagePair(b, a)));
    double[] again = memo.similarity(List.of(new ImagePair(a, bCopy), new ImagePair(b, a)));
    assertArrayEquals(first, again);
    assertArrayEquals(model.similarity(List.of(new ImagePair(a, b), new ImagePair(b, a))), first);
    assertEquals(2, memo.evaluated()); // (a, b) and (b, a) are different pairs
  }

  @Test
  void theRecordingViewAlwaysEvaluatesAndFillsTheSharedMemo() {
    MemoisedSimilarity memo = new MemoisedSimilarity(model);
    MemoisedSimilarity recording = memo.recordingOnly();
    recording.similarity(List.of(new ImagePair(a, b)));
    recording.similarity(List.of(new ImagePair(a, b)));
    assertEquals(2, memo.evaluated());
    memo.similarity(List.of(new ImagePair(a, b)));
    assertEquals(2, memo.evaluated());
    memo.similarity(List.of(new ImagePair(b, b)));
    assertEquals(3, memo.evaluated());
    assertEquals(model.id(), memo.id());
    assertTrue(memo.greyBox().isPresent());
  }
}
