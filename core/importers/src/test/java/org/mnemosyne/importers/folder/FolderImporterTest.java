package org.mnemosyne.importers.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.importers.CollectingSink;

/** A folder of images becomes records with stable relative ids. */
class FolderImporterTest {
  @TempDir Path dir;

  @Test
  void everyImageInTheTreeIsARecordInPathOrderAndOtherFilesAreSkipped() throws IOException {
    Files.createDirectories(dir.resolve("b/c"));
    Files.createDirectories(dir.resolve(".hidden"));
    for (String f :
        List.of(
            "z_last-one.JPG", "a.png", "b/c/deep.tif", "notes.txt", ".hidden/x.jpg", "b/y.gif")) {
      Files.writeString(dir.resolve(f), "x");
    }
    CollectingSink sink = new CollectingSink();
    new FolderImporter()
        .read(
            new ImportSource(dir.toUri(), Map.of()),
            sink,
            (done, total, msg) -> assertTrue(done <= total),
            CancellationToken.NONE);
    assertEquals(
        List.of("a.png", "b/c/deep.tif", "b/y.gif", "z_last-one.JPG"),
        sink.records.stream().map(ImportRecord::sourceId).toList());
    assertEquals("z last one", sink.record("z_last-one.JPG").title());
    assertEquals(
        dir.resolve("b/c/deep.tif").toString(), sink.record("b/c/deep.tif").image().location());
  }

  @Test
  void theProviderAcceptsFoldersOnly() throws IOException {
    Path file = Files.writeString(dir.resolve("a.jpg"), "x");
    FolderImporterProvider p = new FolderImporterProvider();
    assertTrue(p.accepts(new ImportSource(dir.toUri(), Map.of())));
    assertFalse(p.accepts(new ImportSource(file.toUri(), Map.of())));
  }
}
