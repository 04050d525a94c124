package org.mnemosyne.web.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.web.search.ImageService;
import org.mnemosyne.web.search.ImageSource;

class DeepZoomServiceTest {
  @TempDir Path home;

  private DeepZoomService service() {
    DeepZoomService s = new DeepZoomService();
    s.images =
        new ImageService() {
          @Override
          public Path derivativesDir() {
            return home.resolve("derivatives");
          }
        };
    return s;
  }

  private static byte[] png(int w, int h) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void concurrentRequestsForOneImageBuildItsPyramidOnceIntoTheDerivativeDirectory()
      throws Exception {
    DeepZoomService zoom = service();
    byte[] bytes = png(600, 400);
    AtomicInteger reads = new AtomicInteger();
    ImageSource source =
        new ImageSource(
            "ab".repeat(32),
            () -> {
              reads.incrementAndGet();
              return bytes;
            });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Path>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return zoom.descriptor(source);
                }));
      }
      go.countDown();
      for (Future<Path> a : answers) {
        assertEquals(
            home.resolve("derivatives").resolve("ab".repeat(32) + "-zoom").resolve("image.dzi"),
            a.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, reads.get(), "the image was read (and decoded) once");
    assertTrue(Files.readString(answers.get(0).get()).contains("Width=\"600\" Height=\"400\""));
    assertTrue(zoom.tile(source, 10, 2, 1).isPresent());
    assertTrue(zoom.tile(source, 10, 3, 0).isEmpty(), "outside the pyramid");
    assertTrue(zoom.tile(source, 11, 0, 0).isEmpty(), "no such level");
    assertTrue(zoom.tile(source, -1, 0, 0).isEmpty());
    assertEquals(1, reads.get(), "served from disk afterwards");
    try (var left = Files.list(home.resolve("derivatives"))) {
      assertEquals(1, left.count(), "no temporary directory left behind");
    }
  }
}
