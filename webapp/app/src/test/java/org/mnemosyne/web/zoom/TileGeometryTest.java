package org.mnemosyne.web.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class TileGeometryTest {

  @Test
  void levelCountIsCeilLog2OfTheLongerSidePlusOne() {
    for (int[] wh :
        new int[][] {
          {1, 1},
          {2, 1},
          {3, 2},
          {256, 10},
          {257, 10},
          {640, 480},
          {700, 300},
          {1, 1025},
          {4096, 4096}
        }) {
      TileGeometry g = TileGeometry.of(wh[0], wh[1]);
      int expected = (int) Math.ceil(Math.log(Math.max(wh[0], wh[1])) / Math.log(2)) + 1;
      assertEquals(expected, g.levels(), wh[0] + "x" + wh[1]);
      assertEquals(1, g.levelWidth(0), "level 0 is one pixel");
      assertEquals(1, g.levelHeight(0));
      assertEquals(wh[0], g.levelWidth(g.maxLevel()), "the top level is the full image");
      assertEquals(wh[1], g.levelHeight(g.maxLevel()));
    }
  }

  @Test
  void eachLevelIsTheImageDividedByAPowerOfTwoRoundedUp() {
    TileGeometry g = TileGeometry.of(700, 300);
    assertEquals(10, g.maxLevel());
    for (int k = 0; k <= g.maxLevel(); k++) {
      int level = g.maxLevel() - k;
      assertEquals((int) Math.ceil(700 / Math.pow(2, k)), g.levelWidth(level), "level " + level);
      assertEquals((int) Math.ceil(300 / Math.pow(2, k)), g.levelHeight(level), "level " + level);
    }
    assertEquals(350, g.levelWidth(9));
    assertEquals(88, g.levelWidth(7)); // 700 / 8 = 87.5
    assertEquals(38, g.levelHeight(7)); // 300 / 8 = 37.5
    assertThrows(IllegalArgumentException.class, () -> g.levelWidth(11));
    assertThrows(IllegalArgumentException.class, () -> g.levelWidth(-1));
  }

  @Test
  void tilesOverlapTheirNeighboursByOnePixelAndAreClippedAtTheEdges() {
    TileGeometry g = TileGeometry.of(700, 300);
    int top = g.maxLevel();
    assertEquals(3, g.columns(top));
    assertEquals(2, g.rows(top));
    assertEquals(new Rectangle(0, 0, 257, 257), g.tile(top, 0, 0));
    assertEquals(new Rectangle(255, 0, 258, 257), g.tile(top, 1, 0));
    assertEquals(new Rectangle(511, 0, 189, 257), g.tile(top, 2, 0), "right edge");
    assertEquals(new Rectangle(0, 255, 257, 45), g.tile(top, 0, 1), "bottom edge");
    assertEquals(new Rectangle(511, 255, 189, 45), g.tile(top, 2, 1), "corner");
    // a level that fits one tile is one tile, the whole level
    assertEquals(1, g.columns(8));
    assertEquals(new Rectangle(0, 0, 175, 75), g.tile(8, 0, 0));
    assertTrue(g.contains(top, 2, 1));
    assertFalse(g.contains(top, 3, 0));
    assertFalse(g.contains(top, 0, 2));
    assertFalse(g.contains(top + 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> g.tile(top, 3, 0));
    // every pixel of every level is covered, and tiles never leave the level
    for (int l = 0; l <= top; l++) {
      int covered = 0;
      for (int c = 0; c < g.columns(l); c++) {
        Rectangle r = g.tile(l, c, 0);
        assertTrue(r.x + r.width <= g.levelWidth(l));
        covered = Math.max(covered, r.x + r.width);
      }
      assertEquals(g.levelWidth(l), covered, "level " + l);
    }
  }

  @Test
  void theDescriptorIsDeepZoomXml() {
    String xml = TileGeometry.of(700, 300).descriptor();
    assertTrue(xml.contains("xmlns=\"http://schemas.microsoft.com/deepzoom/2008\""), xml);
    assertTrue(xml.contains("TileSize=\"256\"") && xml.contains("Overlap=\"1\""), xml);
    assertTrue(xml.contains("Format=\"jpg\""), xml);
    assertTrue(xml.contains("<Size Width=\"700\" Height=\"300\"/>"), xml);
  }

  @Test
  void refusesEmptyImages() {
    assertThrows(IllegalArgumentException.class, () -> TileGeometry.of(0, 10));
    assertThrows(IllegalArgumentException.class, () -> new TileGeometry(10, 10, 256, 256));
  }
}
