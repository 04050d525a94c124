package org.mnemosyne.web.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZoomPathTest {
  private static final String HASH = "0123456789abcdef".repeat(4);

  @Test
  void parsesDescriptorsAndTilesOfItemsAndUploads() {
    ZoomPath d = ZoomPath.parse("/item/42.dzi").orElseThrow();
    assertEquals(new ZoomPath(false, "42", -1, -1, -1), d);
    assertTrue(d.descriptor());
    assertEquals("dzi", d.variant());
    ZoomPath t = ZoomPath.parse("/item/42_files/10/2_1.jpg").orElseThrow();
    assertEquals(new ZoomPath(false, "42", 10, 2, 1), t);
    assertEquals("z10-2-1", t.variant());
    assertEquals(
        new ZoomPath(true, HASH, 3, 0, 0),
        ZoomPath.parse("/upload/" + HASH + "_files/3/0_0.jpg").get());
    assertEquals(
        new ZoomPath(true, HASH, -1, -1, -1), ZoomPath.parse("/upload/" + HASH + ".dzi").get());
  }

  @Test
  void refusesEverythingElse() {
    for (String bad :
        List.of(
            "",
            "/",
            "/item/42",
            "/item/42.xml",
            "/item/abc.dzi",
            "/item/-1.dzi",
            "/item/42_files/10/2_1.png",
            "/item/42_files/10/2-1.jpg",
            "/item/42_files/a/2_1.jpg",
            "/item/42_files/100/0_0.jpg",
            "/item/42_files/1/../../etc/passwd",
            "/item/42_files/../42.dzi",
            "/item/../../etc/passwd",
            "/upload/" + HASH.toUpperCase() + ".dzi",
            "/upload/" + HASH.substring(1) + ".dzi",
            "/upload/42.dzi",
            "/item/" + HASH + ".dzi",
            "/other/42.dzi",
            "/item/42.dzi/",
            "/item/42.dzi?x")) {
      assertTrue(ZoomPath.parse(bad).isEmpty(), bad);
    }
    assertTrue(ZoomPath.parse(null).isEmpty());
  }
}
