package org.mnemosyne.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mnemosyne}: the top-level command. Exit codes: 0 ok, 1 failed, 2 usage error. */
@Command(
    name = "mnemosyne",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    description = "Explainable, conditional visual search over museum collections.",
    subcommands = {
      ServeCommand.class,
      PluginsCommand.class,
      ImportCommand.class,
      IndexCommand.class,
      ExplainCommand.class,
      ExplainReportCommand.class,
      SearchQualityCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MnemosyneCommand implements Callable<Integer> {

  /** Runs the tool and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code (tests call this). */
  public static int run(String... args) {
    return new CommandLine(new MnemosyneCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("mnemosyne: " + e.getMessage());
              return 1;
            })
        .execute(args);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 2;
  }
}
