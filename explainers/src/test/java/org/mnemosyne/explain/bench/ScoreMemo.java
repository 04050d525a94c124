package org.mnemosyne.explain.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;

/**
 * Real-model scores of coalitions kept on disk (coalition bits and score, appended as they are
 * computed), so that a probe scores each coalition once, in runs of bounded length, and compares
 * estimators offline afterwards. Used by the size-effects probes of Kernel SHAP and Kernel STII.
 */
final class ScoreMemo {
  /** Thrown out of a game when a collecting run's time is up (rerun to continue). */
  static final class TimeUp extends RuntimeException {
    TimeUp() {
      super("time up", null, false, false);
    }
  }

  private ScoreMemo() {}

  /** The memo's file for a probe directory and an image pair. */
  static Path file(Path dir, String images, int q, int t) throws IOException {
    Files.createDirectories(dir);
    return dir.resolve("memo-" + tag(images, q, t) + ".bin");
  }

  /** A file-name-safe name of an image pair. */
  static String tag(String images, int q, int t) {
    return images.replaceAll("[^A-Za-z0-9]", "_") + "-" + q + "-" + t;
  }

  /** The scores stored so far (a record cut short by an interrupted run is dropped). */
  static Map<Long, Double> load(Path f) throws IOException {
    Map<Long, Double> memo = new HashMap<>();
    if (Files.exists(f)) {
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(new FileInputStream(f.toFile())))) {
        while (true) {
          long k = in.readLong();
          memo.put(k, in.readDouble());
        }
      } catch (EOFException end) {
        // end of the file
      }
    }
    return memo;
  }

  /** An output stream appending to the memo's file. */
  static DataOutputStream append(Path f) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(new FileOutputStream(f.toFile(), true)));
  }

  /**
   * A batch scorer for a game: scores from the memo where known, the others through the model (the
   * image pair of each coalition from {@code pairOf}), stored in the memo and appended to {@code
   * out}; throws {@link TimeUp} when a batch needs the model after the deadline.
   */
  static Function<List<Coalition>, double[]> scorer(
      Map<Long, Double> memo,
      DataOutputStream out,
      EmbeddingSimilarity similarity,
      Function<Coalition, ImagePair> pairOf,
      long deadlineNanos) {
    return batch -> {
      double[] r = new double[batch.size()];
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < r.length; i++) {
        Double v = memo.get(batch.get(i).bits());
        if (v == null) {
          missing.add(i);
        } else {
          r[i] = v;
        }
      }
      if (missing.isEmpty()) {
        return r;
      }
      if (System.nanoTime() > deadlineNanos) {
        throw new TimeUp();
      }
      List<ImagePair> pairs = new ArrayList<>();
      for (int i : missing) {
        pairs.add(pairOf.apply(batch.get(i)));
      }
      double[] s = similarity.similarity(pairs);
      try {
        for (int k = 0; k < s.length; k++) {
          long bits = batch.get(missing.get(k)).bits();
          memo.put(bits, s[k]);
          r[missing.get(k)] = s[k];
          out.writeLong(bits);
          out.writeDouble(s[k]);
        }
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return r;
    };
  }
}
