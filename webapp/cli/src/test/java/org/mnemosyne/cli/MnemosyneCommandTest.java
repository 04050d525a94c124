package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Segmentation;

class MnemosyneCommandTest {
  @Test
  void helpSucceedsForEverySubcommand() {
    assertEquals(0, MnemosyneCommand.run("--help"));
    for (String sub : new String[] {"serve", "plugins", "import", "index", "explain"}) {
      assertEquals(0, MnemosyneCommand.run(sub, "--help"), sub);
    }
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, MnemosyneCommand.run("no-such-command"));
    assertEquals(2, MnemosyneCommand.run("serve", "--port", "eighty"));
    assertEquals(2, MnemosyneCommand.run("explain")); // required options missing
    assertEquals(2, MnemosyneCommand.run());
  }

  @Test
  void incompleteCommandsAreUsageErrors() {
    assertEquals(2, MnemosyneCommand.run("import")); // a source is required
    assertEquals(2, MnemosyneCommand.run("index")); // a subcommand is required
  }

  @Test
  void explainOptionsAreParsedStrictly() {
    Segmentation g = ExplainCommand.parseGrid("3X5");
    assertEquals(3, g.rows());
    assertEquals(5, g.columns());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ExplainCommand.parseGrid("3by5"))
            .getMessage()
            .contains("4x4"));
    assertThrows(IllegalArgumentException.class, () -> ExplainCommand.parseGrid("0x5"));
    assertEquals(Censor.Kind.BLUR, ExplainCommand.parseCensor("blur").kind());
    assertThrows(IllegalArgumentException.class, () -> ExplainCommand.parseCensor("pink"));
  }
}
