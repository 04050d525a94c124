package org.mnemosyne.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mnemosyne.api.image.RgbImage;
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
 * people, plant, tableware, tree. Pairs are dealt one subject at a time in alphabetical order, each
 * taking the next unused photograph and drawing of that subject by id, so that a few pairs cover
 * different subjects. Deterministic.
 */
final class CutoutPairs {
  private CutoutPairs() {}

  /** A cut-out and the words of its subject. */
  private record Item(String id, Path image, Set<String> subjects) {}

  /**
   * Selects and loads pairs.
   *
   * @param data the {@code shared/data} folder
   * @param count how many pairs (fewer if the collections have fewer)
   * @param width model input width
   * @param height model input height
   */
  static List<ReportPair> select(Path data, int count, int width, int height) throws IOException {
    List<Item> photos = read(data.resolve("photos"), "subject", "/");
    List<Item> drawings = read(data.resolve("clipart"), "subject_group", " or ");
    Map<String, List<Item>> photosBySubject = bySubject(photos);
    Map<String, List<Item>> drawingsBySubject = bySubject(drawings);
    Set<String> used = new HashSet<>();
    List<ReportPair> pairs = new ArrayList<>();
    ImageDecoder decoder = new ImageDecoder();
    boolean progress = true;
    while (pairs.size() < count && progress) {
      progress = false;
      for (var e : photosBySubject.entrySet()) {
        if (pairs.size() == count) {
          break;
        }
        Item photo = nextUnused(e.getValue(), used);
        Item drawing = nextUnused(drawingsBySubject.getOrDefault(e.getKey(), List.of()), used);
        if (photo == null || drawing == null) {
          continue;
        }
        used.add(photo.id());
        used.add(drawing.id());
        pairs.add(
            ReportPair.ofCutouts(
                e.getKey() + ": " + photo.id() + " vs " + drawing.id(),
                load(decoder, photo.image(), width, height),
                load(decoder, drawing.image(), width, height)));
        progress = true;
      }
    }
    return pairs;
  }

  private static Item nextUnused(List<Item> items, Set<String> used) {
    return items.stream().filter(i -> !used.contains(i.id())).findFirst().orElse(null);
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

  private static RgbImage load(ImageDecoder decoder, Path file, int width, int height)
      throws IOException {
    return ImageResizer.toRgb(decoder.decode(Files.readAllBytes(file)), width, height);
  }
}
