package org.mnemosyne.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest. */
final class CliVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = CliVersion.class.getPackage().getImplementationVersion();
    return new String[] {"mnemosyne " + (v == null ? "(development build)" : v)};
  }
}
