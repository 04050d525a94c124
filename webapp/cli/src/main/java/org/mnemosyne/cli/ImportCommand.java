package org.mnemosyne.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mnemosyne import}: reserved for collection imports (CSV + images, IIIF). */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a collection (CSV + image folder, IIIF manifest or collection).",
      "Not available in this version yet: exits 1."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("mnemosyne import: not available in this version yet");
    return 1;
  }
}
