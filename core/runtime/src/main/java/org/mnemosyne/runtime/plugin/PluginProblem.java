package org.mnemosyne.runtime.plugin;

/**
 * A plugin jar or provider that was skipped, and why.
 *
 * @param source the jar file name or provider class that failed
 * @param reason what went wrong and what to do, for people
 */
public record PluginProblem(String source, String reason) {
  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
