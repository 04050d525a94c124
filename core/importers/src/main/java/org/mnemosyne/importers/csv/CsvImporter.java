package org.mnemosyne.importers.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.RecordSink;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * Reads a CSV file (or a folder with {@code metadata.csv}) and its image folder.
 *
 * <p>Options of the {@link ImportSource}: {@code mapping} (a built-in {@link ColumnMapping} name or
 * a mapping file; default {@code mnemosyne}), {@code images} (the image folder, relative to the
 * CSV's folder; default the CSV's folder), {@code delimiter} (one character or {@code tab}; default
 * comma), {@code charset} (default UTF-8), {@code max-field-chars} (default 1 Mi).
 *
 * <p>Each row becomes one record or one rejection with its line number: a malformed row, a row with
 * the wrong number of fields, no id, no image, a bad year. Progress is the share of the file's
 * bytes read. Thread-safe: all state is local to {@link #read}.
 */
public final class CsvImporter implements Importer {
  /** The file read when the source is a folder. */
  public static final String DEFAULT_FILE = "metadata.csv";

  @Override
  public void read(
      ImportSource source,
      RecordSink sink,
      ProgressListener progress,
      CancellationToken cancellation)
      throws IOException {
    Path csv = csvFile(source).orElseThrow(() -> new IOException(notACsv(source)));
    Path folder = csv.toAbsolutePath().normalize().getParent();
    String name = csv.getFileName().toString();
    ColumnMapping mapping =
        ColumnMapping.load(source.options().getOrDefault("mapping", "mnemosyne"));
    Path images = folder.resolve(source.options().getOrDefault("images", ".")).normalize();
    if (!Files.isDirectory(images)) {
      throw new IOException("image folder " + images + " does not exist");
    }
    char delimiter = delimiter(source.options().getOrDefault("delimiter", ","));
    Charset charset = Charset.forName(source.options().getOrDefault("charset", "UTF-8"));
    int maxField =
        Integer.parseInt(
            source
                .options()
                .getOrDefault(
                    "max-field-chars", String.valueOf(CsvReader.DEFAULT_MAX_FIELD_CHARS)));
    long size = Math.max(1, Files.size(csv));
    List<SideTable> sides = new ArrayList<>();
    for (String join : mapping.joins()) {
      Path side = folder.resolve(join).normalize();
      if (Files.isRegularFile(side) && side.startsWith(folder)) {
        sides.add(SideTable.load(side, mapping.idColumn(), delimiter, sink::reject));
      }
    }
    try (CountingInputStream counted =
            new CountingInputStream(new BufferedInputStream(Files.newInputStream(csv), 1 << 16));
        CsvReader reader =
            new CsvReader(
                new InputStreamReader(counted, charset),
                delimiter,
                maxField,
                CsvReader.DEFAULT_MAX_FIELDS)) {
      CsvRow header =
          reader.next().orElseThrow(() -> new IOException(name + " is empty: no header row"));
      if (header.problem().isPresent()) {
        throw new IOException(name + " header row: " + header.problem().get());
      }
      List<String> columns = header.fields().stream().map(String::strip).toList();
      CsvRecordMapper mapper;
      try {
        mapper = new CsvRecordMapper(mapping, columns, images, sides);
      } catch (IOException e) {
        throw new IOException(name + ": " + e.getMessage(), e);
      }
      Optional<CsvRow> next;
      while ((next = reader.next()).isPresent()) {
        cancellation.throwIfCancelled();
        CsvRow row = next.get();
        String where = name + " line " + row.line();
        if (row.problem().isPresent()) {
          sink.reject(where, "malformed row: " + row.problem().get());
        } else if (row.fields().size() != columns.size()) {
          sink.reject(
              where,
              "has "
                  + row.fields().size()
                  + " fields, the header has "
                  + columns.size()
                  + " (a stray quote or delimiter?)");
        } else {
          ImportRecord record;
          try {
            record = mapper.map(row);
          } catch (IllegalArgumentException e) {
            sink.reject(where, e.getMessage());
            record = null;
          }
          if (record != null) {
            sink.accept(where, record); // outside the try: the host's exceptions are not rows'
          }
        }
        progress.progress(Math.min(counted.count(), size), size, where);
      }
    }
  }

  private static char delimiter(String text) {
    if (text.equals("tab") || text.equals("\t")) {
      return '\t';
    }
    if (text.length() != 1) {
      throw new IllegalArgumentException("delimiter must be one character or 'tab', not " + text);
    }
    return text.charAt(0);
  }

  private static String notACsv(ImportSource source) {
    return source.location() + " is neither a .csv file nor a folder with " + DEFAULT_FILE;
  }

  /** The CSV file a source names, if it names one that exists. */
  static Optional<Path> csvFile(ImportSource source) {
    Optional<Path> path = localPath(source);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Path p = path.get();
    if (Files.isDirectory(p)) {
      Path inside = p.resolve(DEFAULT_FILE);
      return Files.isRegularFile(inside) ? Optional.of(inside) : Optional.empty();
    }
    String lower =
        p.getFileName() == null
            ? ""
            : p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    Set<String> extensions = new HashSet<>(List.of(".csv", ".tsv", ".txt"));
    boolean csvName = extensions.stream().anyMatch(lower::endsWith);
    return Files.isRegularFile(p) && csvName ? Optional.of(p) : Optional.empty();
  }

  /** The local file a source names, if it is a {@code file:} URI. */
  static Optional<Path> localPath(ImportSource source) {
    String scheme = source.location().getScheme();
    if (scheme == null) {
      return Optional.of(Path.of(source.location().getPath()));
    }
    if (!scheme.equalsIgnoreCase("file")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.location()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
