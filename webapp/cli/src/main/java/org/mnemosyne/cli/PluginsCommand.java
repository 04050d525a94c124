package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginProblem;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.runtime.plugin.ProviderEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mnemosyne plugins}: what the registry found, and what it skipped (exit 1 if any). */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
      "List the discovered providers (built-in and from the plugins directory).",
      "Exits 1 if a plugin jar or provider was skipped; the reason is printed."
    })
final class PluginsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    MnemosyneConfig config = common.config();
    DataLayout layout = DataLayout.from(config);
    PluginRegistry registry =
        PluginRegistry.load(PluginsCommand.class.getClassLoader(), config, layout);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-10s %-20s %-10s %s%n", "KIND", "NAME", "VERSION", "FROM");
    for (ProviderEntry e : registry.entries()) {
      out.printf(
          "%-10s %-20s %-10s %s%n",
          e.kind().name().toLowerCase(java.util.Locale.ROOT), e.name(), e.version(), e.origin());
    }
    out.printf("plugins directory: %s%n", layout.pluginsDir());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (PluginProblem p : registry.problems()) {
      err.println("skipped " + p.source() + ": " + p.reason());
    }
    err.flush();
    return registry.problems().isEmpty() ? 0 : 1;
  }
}
