package org.mnemosyne.api.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RgbImageTest {
  private static final float[] PLANES = {0f, 0.25f, 0.5f, 0.75f, 1f, 0.125f};

  @Test
  void copyPlanesToWritesThePlanarValuesAtTheOffset() {
    RgbImage img = RgbImage.ofPlanes(2, 1, PLANES);
    float[] dst = new float[10];
    img.copyPlanesTo(dst, 3);
    assertArrayEquals(new float[] {0, 0, 0, 0f, 0.25f, 0.5f, 0.75f, 1f, 0.125f, 0}, dst);
    dst[3] = 0.9f; // a copy: the image is unchanged
    assertEquals(0f, img.get(0, 0, 0));
    assertArrayEquals(PLANES, img.planes());
  }

  @Test
  void copyPlanesToRefusesWhatDoesNotFit() {
    RgbImage img = RgbImage.ofPlanes(2, 1, PLANES);
    assertThrows(IndexOutOfBoundsException.class, () -> img.copyPlanesTo(new float[8], 3));
  }
}
