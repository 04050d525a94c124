package org.mnemosyne.db.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageDecodingException;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * Decodes a batch of images in parallel (safely, with the pixel limit of {@link ImageDecoder}),
 * resizes each to the model's input and embeds them with one model call, which the model spreads
 * over its predictors. An image that cannot be decoded gets a problem; the others go on. Close to
 * stop the decoding threads.
 */
final class BatchEmbedder implements AutoCloseable {
  private final EmbeddingModel model;
  private final ImageDecoder decoder;
  private final ExecutorService pool;
  private final StageTimings timings;

  /**
   * The outcome for one image.
   *
   * @param embedding the vector, if the image could be decoded
   * @param width pixel width as stored in the file
   * @param height pixel height as stored in the file
   * @param problem why it could not be decoded, if it could not
   */
  record Outcome(
      Optional<Embedding> embedding, Integer width, Integer height, Optional<String> problem) {}

  private record Decoded(RgbImage image, int width, int height) {}

  BatchEmbedder(EmbeddingModel model, ImageDecoder decoder, int threads, StageTimings timings) {
    this.model = model;
    this.decoder = decoder;
    this.timings = timings;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "mnemosyne-decode");
              t.setDaemon(true);
              return t;
            });
  }

  /** Embeds {@code images} (encoded bytes); one outcome per image, in order. */
  List<Outcome> embed(List<byte[]> images) {
    ModelInfo info = model.info();
    long start = System.nanoTime();
    List<Future<Decoded>> futures = new ArrayList<>();
    for (byte[] bytes : images) {
      futures.add(pool.submit(() -> decode(bytes, info.inputWidth(), info.inputHeight())));
    }
    List<Object> decoded = new ArrayList<>(); // Decoded or a String problem
    for (Future<Decoded> f : futures) {
      try {
        decoded.add(f.get());
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        decoded.add(
            cause instanceof ImageDecodingException ? cause.getMessage() : String.valueOf(cause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while decoding images", e);
      }
    }
    timings.addDecode(System.nanoTime() - start);
    List<RgbImage> inputs = new ArrayList<>();
    for (Object d : decoded) {
      if (d instanceof Decoded ok) {
        inputs.add(ok.image());
      }
    }
    start = System.nanoTime();
    List<Embedding> vectors = inputs.isEmpty() ? List.of() : model.embed(inputs);
    timings.addModel(System.nanoTime() - start);
    if (vectors.size() != inputs.size()) {
      throw new IllegalStateException(
          "model returned " + vectors.size() + " vectors for " + inputs.size() + " images");
    }
    Iterator<Embedding> it = vectors.iterator();
    List<Outcome> out = new ArrayList<>();
    for (Object d : decoded) {
      if (d instanceof Decoded ok) {
        out.add(new Outcome(Optional.of(it.next()), ok.width(), ok.height(), Optional.empty()));
      } else {
        out.add(new Outcome(Optional.empty(), null, null, Optional.of((String) d)));
      }
    }
    return out;
  }

  private Decoded decode(byte[] bytes, int w, int h) {
    int[] size = dimensions(bytes);
    BufferedImage image = decoder.decode(bytes, w, h);
    if (size == null) {
      size = new int[] {image.getWidth(), image.getHeight()};
    }
    return new Decoded(ImageResizer.toRgb(image, w, h), size[0], size[1]);
  }

  /** Width and height from the file's header (before any subsampling), or null if unknown. */
  private static int[] dimensions(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      if (in == null) {
        return null;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null; // the decoder reports the real problem
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
