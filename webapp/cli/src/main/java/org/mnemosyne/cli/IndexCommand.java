package org.mnemosyne.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mnemosyne index}: reserved for index build, query and benchmarks. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Build, query or benchmark a conditional k-NN index.",
      "Not available in this version yet: exits 1."
    })
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("mnemosyne index: not available in this version yet");
    return 1;
  }
}
