package org.mnemosyne.model.djl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.plugin.PluginException;

class LibtorchGuardTest {
  @TempDir Path dir;

  @Test
  void aMismatchedLibtorchIsRefusedBeforeItCanCrashTheJvm() throws Exception {
    Path torch = Files.createDirectories(dir.resolve("torch/lib"));
    Files.writeString(dir.resolve("torch/version.py"), "__version__ = '2.11.0+cu130'\n");
    PluginException e =
        assertThrows(
            PluginException.class,
            () ->
                LibtorchGuard.check(
                    Map.of("PYTORCH_LIBRARY_PATH", torch.toString()), Optional.of("2.7.1")));
    assertTrue(
        e.getMessage().contains("2.11.0") && e.getMessage().contains("2.7.1"), e.getMessage());
    assertThrows(
        PluginException.class,
        () -> LibtorchGuard.check(Map.of("PYTORCH_VERSION", "2.5.1"), Optional.of("2.7.1")));
  }

  @Test
  void aMatchingOrUnknownLibtorchPasses() throws Exception {
    Path torch = Files.createDirectories(dir.resolve("torch/lib"));
    Files.writeString(dir.resolve("torch/version.py"), "__version__ = '2.7.1'\n");
    assertDoesNotThrow(
        () ->
            LibtorchGuard.check(
                Map.of("PYTORCH_LIBRARY_PATH", torch.toString()), Optional.of("2.7.1")));
    assertDoesNotThrow(() -> LibtorchGuard.check(Map.of(), Optional.of("2.7.1")));
    assertDoesNotThrow(
        () -> LibtorchGuard.check(Map.of("PYTORCH_VERSION", "9.9.9"), Optional.empty()));
    assertTrue(LibtorchGuard.supportedVersion().isPresent(), "pytorch-engine is on the test path");
  }
}
