package org.mnemosyne.db.ingest;

import java.nio.file.Path;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.testing.TestModel;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A separate JVM that imports a folder, for the kill -9 test: {@code ImportProcess <jdbc url>
 * <folder> <collection> <batch size>}.
 */
public final class ImportProcess {
  private ImportProcess() {}

  /** Runs the import. */
  public static void main(String[] args) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser("postgres");
    ImportRequest request =
        ImportRequest.builder(
                new org.mnemosyne.db.catalog.Slug("test"),
                new org.mnemosyne.db.catalog.Slug(args[2]),
                new org.mnemosyne.api.importer.ImportSource(
                    Path.of(args[1]).toUri(), java.util.Map.of()))
            .batchSize(Integer.parseInt(args[3]))
            .build();
    ImportSummary s =
        new ImportService(ds, TestModel.registry(), TestModel.model(), ImportSettings.defaults())
            .run(request, ImportListener.NONE, CancellationToken.NONE);
    System.out.println("finished " + s.state());
    System.exit(0);
  }
}
