package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnemosyne.runtime.config.MnemosyneConfig;

/** The portal process's heap and collector options, and the refusal of bad values. */
class ServerJvmOptionsTest {
  @Test
  void defaultsToOneGigabyteAndTheParallelCollector() {
    assertEquals(
        List.of("-Xmx1g", "-XX:+UseParallelGC"), ServerJvmOptions.of(MnemosyneConfig.of(Map.of())));
  }

  @Test
  void heapAndCollectorAreConfigurable() {
    assertEquals(
        List.of("-Xmx768m", "-XX:+UseG1GC"),
        ServerJvmOptions.of(
            MnemosyneConfig.of(
                Map.of("mnemosyne.server.heap", "768m", "mnemosyne.server.gc", " G1 "))));
  }

  @Test
  void badValuesAreRefusedWithTheKeyAndTheChoices() {
    IllegalArgumentException gc =
        assertThrows(
            IllegalArgumentException.class,
            () -> ServerJvmOptions.of(MnemosyneConfig.of(Map.of("mnemosyne.server.gc", "zgc"))));
    assertTrue(gc.getMessage().contains("mnemosyne.server.gc must be one of g1, parallel, serial"));
    IllegalArgumentException heap =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ServerJvmOptions.of(
                    MnemosyneConfig.of(Map.of("mnemosyne.server.heap", "1g -XX:+Crash"))));
    assertTrue(heap.getMessage().contains("mnemosyne.server.heap"), heap.getMessage());
  }
}
