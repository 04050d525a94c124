package org.mnemosyne.db.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.db.catalog.CollectionInfo;
import org.mnemosyne.db.catalog.Institution;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.job.Job;
import org.mnemosyne.db.job.JobState;

/**
 * The three sample collections of {@code shared/data} — {@code art} (paintings, Art Institute of
 * Chicago), {@code photos} (photographs from Debian packages) and {@code clipart} (Open Clip Art
 * drawings) — imported on a newcomer's first start, once.
 *
 * <p>Policy of {@link #importOnFirstStart}: on an empty catalogue the three collections are created
 * at once and imported one after the other; afterwards, a sample collection whose import has not
 * succeeded yet (the server stopped half-way) is resumed; a sample collection that an admin deleted
 * is never brought back, and nothing happens once all three have been imported. Stateless.
 */
public final class SampleCollections {
  /**
   * One sample collection.
   *
   * @param folder the folder under {@code shared/data}
   * @param institution institution slug
   * @param institutionName institution display name
   * @param collection collection slug
   * @param collectionName collection display name
   */
  public record Sample(
      String folder,
      String institution,
      String institutionName,
      String collection,
      String collectionName) {}

  /** The samples, in import order. */
  public static final List<Sample> SAMPLES =
      List.of(
          new Sample("art", "aic", "Art Institute of Chicago", "art", "Paintings (AIC sample)"),
          new Sample(
              "photos",
              "debian",
              "Debian (open-licence photographs)",
              "photos",
              "Photographs (Debian sample)"),
          new Sample(
              "clipart",
              "openclipart",
              "Open Clip Art Library",
              "clipart",
              "Clip art (Open Clip Art sample)"));

  private SampleCollections() {}

  /**
   * Imports (or finishes importing) the sample collections if this is a fresh database, on the
   * calling thread — the server calls it from a background thread after the schema is migrated.
   *
   * @param sampleDataDir the {@code shared/data} folder; nothing happens if it lacks the samples
   * @return one summary per sample imported in this call; empty if there was nothing to do
   */
  public static List<ImportSummary> importOnFirstStart(
      ImportService service,
      Path sampleDataDir,
      ImportListener listener,
      CancellationToken cancellation) {
    List<Sample> present =
        SAMPLES.stream()
            .filter(
                s -> Files.isRegularFile(sampleDataDir.resolve(s.folder()).resolve("metadata.csv")))
            .toList();
    CatalogRepository catalog = service.catalog();
    if (present.isEmpty()) {
      return List.of();
    }
    if (catalog.isEmpty()) {
      for (Sample s : present) {
        Institution i = catalog.ensureInstitution(new Slug(s.institution()), s.institutionName());
        catalog.ensureCollection(i, new Slug(s.collection()), s.collectionName());
      }
    }
    List<ImportSummary> out = new ArrayList<>();
    for (Sample s : present) {
      Optional<CollectionInfo> c = catalog.findCollection(new Slug(s.collection()));
      if (c.isEmpty() || importedBefore(service, c.get())) {
        continue;
      }
      if (cancellation.isCancelled()) {
        break;
      }
      ImportRequest request =
          ImportRequest.builder(
                  c.get().institution().slug(),
                  c.get().slug(),
                  new ImportSource(
                      sampleDataDir.resolve(s.folder()).toAbsolutePath().toUri(),
                      Map.of("mapping", "mnemosyne")))
              .importer("csv")
              .build();
      out.add(service.run(request, listener, cancellation));
    }
    return out;
  }

  private static boolean importedBefore(ImportService service, CollectionInfo c) {
    Optional<Job> latest = service.jobs().latest(ImportRun.type(), ImportService.subject(c.id()));
    return latest.map(j -> j.state() == JobState.SUCCEEDED).orElse(false);
  }
}
