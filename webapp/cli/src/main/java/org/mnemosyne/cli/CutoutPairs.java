package org.mnemosyne.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.explain.report.ReportPair;
import org.mnemosyne.importers.csv.CsvReader;
import org.mnemosyne.importers.csv.CsvRow;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * The pairs of {@code mnemosyne explain-report}, from the sample collections: a cut-out photograph
 * ({@code photos}, {@code cutout=yes}) as query and a cut-out drawing ({@code clipart}) of the same
 * subject as target, so that both objects are known (their non-white pixels). Subjects match when a
 * part of the photograph's subject (split at {@code /}) equals the drawing's subject or a part of
 * its subject group (split at {@code " or "}): animal, boat, flower, food, musical instrument,
 * people, plant, tableware, tree. Within a subject, pairs are ranked by the model's cosine
 * similarity, most similar first, as a search would return them. Pairs are dealt one subject at a
 * time in alphabetical order, each taking its most similar pair of still unused images, so that a
 * few pairs cover different subjects. Deterministic for a given model.
 */
final class CutoutPairs {
  private CutoutPairs() {}

  /** A cut-out and the words of its subject. */
  private record Item(String id, Path image, Set<String> subjects) {}

  /** A candidate pair and its cosine similarity. */
  private record Candidate(Item photo, Item drawing, double cosine) {}

  /**
   * Selects and loads pairs, embedding the cut-outs of the subjects it needs.
   *
   * @param data the {@code shared/data} folder
   * @param count how many pairs (fewer if the collections have fewer)
   * @param model the model whose similarity ranks the candidates and whose input size the images
   *     are resized to
   */
  static List<ReportPair> select(Path data, int count, EmbeddingModel model) throws IOException {
    Map<String, List<Item>> photos = bySubject(read(data.resolve("photos"), "subject", "/"));
    Map<String, List<Item>> drawings =
        bySubject(read(data.resolve("clipart"), "subject_group", " or "));
    photos.keySet().retainAll(drawings.keySet());
    Loader loader = new Loader(model);
    Map<String, List<Candidate>> ranked = new TreeMap<>();
    Set<String> used = new HashSet<>();
    List<ReportPair> pairs = new ArrayList<>();
    boolean progress = true;
    while (pairs.size() < count && progress) {
      progress = false;
      for (String subject : photos.keySet()) {
        if (pairs.size() == count) {
          break;
        }
        List<Candidate> list =
            ranked.computeIfAbsent(subject, k -> rank(photos.get(k), drawings.get(k), loader));
        Candidate c =
            list.stream()
                .filter(x -> !used.contains(x.photo().id()) && !used.contains(x.drawing().id()))
                .findFirst()
                .orElse(null);
        if (c == null) {
          continue;
        }
        used.add(c.photo().id());
        used.add(c.drawing().id());
        pairs.add(
            ReportPair.ofCutouts(
                String.format(
                    Locale.ROOT,
                    "%s: %s vs %s (cosine %.3f)",
                    subject,
                    c.photo().id(),
                    c.drawing().id(),
                    c.cosine()),
                loader.image(c.photo()),
                loader.image(c.drawing())));
        progress = true;
      }
    }
    return pairs;
  }

  /** Every photo-drawing pair of one subject, most similar first (ties by ids). */
  private static List<Candidate> rank(List<Item> photos, List<Item> drawings, Loader loader) {
    loader.embed(photos);
    loader.embed(drawings);
    List<Candidate> out = new ArrayList<>();
    for (Item p : photos) {
      for (Item d : drawings) {
        out.add(new Candidate(p, d, loader.cosine(p, d)));
      }
    }
    out.sort(
        java.util.Comparator.comparingDouble((Candidate c) -> -c.cosine())
            .thenComparing(c -> c.photo().id())
            .thenComparing(c -> c.drawing().id()));
    return out;
  }

  /** Loads images at the model's input size and embeds each once (only vectors are kept). */
  private static final class Loader {
    private static final int BATCH = 32;
    private final EmbeddingModel model;
    private final ImageDecoder decoder = new ImageDecoder();
    private final Map<String, float[]> unit = new HashMap<>();

    Loader(EmbeddingModel model) {
      this.model = model;
    }

    RgbImage image(Item item) {
      try {
        return ImageResizer.toRgb(
            decoder.decode(Files.readAllBytes(item.image())),
            model.info().inputWidth(),
            model.info().inputHeight());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** Embeds the items not embedded yet, in batches. */
    void embed(List<Item> items) {
      List<Item> todo = items.stream().filter(i -> !unit.containsKey(i.id())).toList();
      for (int from = 0; from < todo.size(); from += BATCH) {
        List<Item> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
        List<RgbImage> in = batch.stream().map(this::image).toList();
        List<org.mnemosyne.api.model.Embedding> out = model.embed(in);
        for (int k = 0; k < batch.size(); k++) {
          unit.put(batch.get(k).id(), normalised(out.get(k).vector()));
        }
      }
    }

    double cosine(Item a, Item b) {
      float[] x = unit.get(a.id());
      float[] y = unit.get(b.id());
      double dot = 0;
      for (int i = 0; i < x.length; i++) {
        dot += (double) x[i] * y[i];
      }
      return dot;
    }

    private static float[] normalised(float[] v) {
      double n = 0;
      for (float f : v) {
        n += (double) f * f;
      }
      float inv = (float) (1 / Math.max(Math.sqrt(n), Double.MIN_NORMAL));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
      return v;
    }
  }

  private static Map<String, List<Item>> bySubject(List<Item> items) {
    Map<String, List<Item>> out = new TreeMap<>();
    for (Item i : items) {
      i.subjects().forEach(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(i));
    }
    out.values().forEach(l -> l.sort(java.util.Comparator.comparing(Item::id)));
    return out;
  }

  /** The cut-outs of a collection whose image exists, with the words of the subject column. */
  private static List<Item> read(Path collection, String groupColumn, String separator)
      throws IOException {
    Path file = collection.resolve("subjects.csv");
    List<Item> items = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(r)) {
      List<String> header = csv.next().map(CsvRow::fields).orElse(List.of());
      int id = column(header, "id", file);
      int cutout = column(header, "cutout", file);
      int group = column(header, groupColumn, file);
      int subject = header.indexOf("subject");
      for (var row = csv.next(); row.isPresent(); row = csv.next()) {
        List<String> f = row.get().fields();
        if (f.size() != header.size() || !f.get(cutout).strip().equalsIgnoreCase("yes")) {
          continue;
        }
        Path image = collection.resolve("images").resolve(f.get(id).strip() + ".jpg");
        if (!Files.isRegularFile(image)) {
          continue;
        }
        Set<String> words = new LinkedHashSet<>();
        for (String w : f.get(group).split(java.util.regex.Pattern.quote(separator))) {
          words.add(w.strip().toLowerCase(Locale.ROOT));
        }
        if (subject >= 0 && subject != group) {
          words.add(f.get(subject).strip().toLowerCase(Locale.ROOT));
        }
        words.remove("");
        items.add(new Item(f.get(id).strip(), image, words));
      }
    }
    return items;
  }

  private static int column(List<String> header, String name, Path file) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(file + " has no column '" + name + "'");
    }
    return i;
  }
}
