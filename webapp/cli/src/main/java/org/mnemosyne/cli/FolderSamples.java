package org.mnemosyne.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.importers.csv.CsvReader;
import org.mnemosyne.importers.csv.CsvRow;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * The sample collections read straight from their folders, without a database: for each collection
 * slug, {@code <data>/<slug>/metadata.csv} (columns {@code id}, {@code file}, {@code title}),
 * {@code subjects.csv} where present (columns {@code id}, {@code subject}), and every image
 * embedded with the model after the same decoding and resizing as the import (decode, then {@link
 * ImageResizer#toRgb} to the model's input). Ids are assigned 1, 2, ... in file order. A row whose
 * image cannot be read fails the run: the samples are known to be complete.
 */
final class FolderSamples {
  private static final int BATCH = 32;

  private FolderSamples() {}

  /** Reads and embeds the collections, reporting each one on {@code log}. */
  static List<SampleRecord> read(
      Path data, List<String> collections, EmbeddingModel model, PrintWriter log)
      throws IOException {
    ModelInfo info = model.info();
    ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS);
    List<SampleRecord> out = new ArrayList<>();
    for (String collection : collections) {
      Path folder = data.resolve(collection);
      if (!Files.isRegularFile(folder.resolve("metadata.csv"))) {
        throw new IllegalArgumentException(
            "collection '" + collection + "': " + folder + " has no metadata.csv");
      }
      List<Map<String, String>> rows = table(folder.resolve("metadata.csv"), "id", "file", "title");
      Map<String, String> subjects = new LinkedHashMap<>();
      Path subjectsCsv = folder.resolve("subjects.csv");
      if (Files.isRegularFile(subjectsCsv)) {
        table(subjectsCsv, "id", "subject")
            .forEach(r -> subjects.put(r.get("id"), r.get("subject")));
      }
      long start = System.nanoTime();
      for (int from = 0; from < rows.size(); from += BATCH) {
        List<Map<String, String>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
        List<RgbImage> images = new ArrayList<>();
        for (Map<String, String> r : batch) {
          Path file = folder.resolve(r.get("file"));
          images.add(
              ImageResizer.toRgb(
                  decoder.decode(Files.readAllBytes(file), info.inputWidth(), info.inputHeight()),
                  info.inputWidth(),
                  info.inputHeight()));
        }
        List<Embedding> vectors = model.embed(images);
        for (int i = 0; i < batch.size(); i++) {
          Map<String, String> r = batch.get(i);
          String subject = subjects.get(r.get("id"));
          out.add(
              new SampleRecord(
                  out.size() + 1L,
                  collection,
                  vectors.get(i).vector(),
                  subject == null || subject.isBlank() ? List.of() : List.of(subject),
                  r.get("title")));
        }
      }
      log.printf(
          "embedded %s: %d images in %.1f s%n",
          collection, rows.size(), (System.nanoTime() - start) / 1e9);
      log.flush();
    }
    return out;
  }

  /** A CSV with a header that has the {@code required} columns, as one map per row. */
  static List<Map<String, String>> table(Path file, String... required) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(r)) {
      List<String> header = null;
      for (var row = csv.next(); row.isPresent(); row = csv.next()) {
        CsvRow c = row.get();
        if (c.problem().isPresent()) {
          throw new IllegalArgumentException(file + " line " + c.line() + ": " + c.problem().get());
        }
        if (header == null) {
          header = c.fields().stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
          for (String column : required) {
            if (!header.contains(column)) {
              throw new IllegalArgumentException(file + ": no column '" + column + "'");
            }
          }
          continue;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          m.put(header.get(i), c.field(i));
        }
        out.add(m);
      }
    }
    return out;
  }
}
