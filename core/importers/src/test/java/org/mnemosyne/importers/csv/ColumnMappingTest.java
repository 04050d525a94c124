package org.mnemosyne.importers.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Built-in mappings load; bad mappings are refused naming the key. */
class ColumnMappingTest {

  @Test
  void theSampleMappingReadsTheSixteenColumnLayoutAndJoinsSubjects() throws IOException {
    ColumnMapping m = ColumnMapping.load("mnemosyne");
    assertEquals("id", m.idColumn());
    assertEquals(Optional.of("file"), m.imageColumn());
    assertEquals("medium_class", m.facets().get("medium"));
    assertEquals("subject", m.facets().get("subject"));
    assertEquals(List.of("subjects.csv"), m.joins());
    assertEquals(Optional.of(";"), m.separator("facet.subject"));
  }

  @Test
  void theMetMappingNamesImagesByObjectIdAndSplitsArtistsOnBars() throws IOException {
    ColumnMapping m = ColumnMapping.load("met");
    assertEquals("Object ID", m.idColumn());
    assertEquals(List.of("Object ID"), m.templateColumns());
    assertEquals(Optional.of("|"), m.separator("makers"));
    assertEquals(Optional.of("Object Begin Date"), m.column("year.from"));
  }

  @Test
  void anUnknownKeyIsRefusedWithTheKeyAndTheKnownKeys() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ColumnMapping.parse("x", new StringReader("id=a\nimage=b\ntitel=c\n")));
    assertTrue(
        e.getMessage().contains("titel") && e.getMessage().contains("title"), e.getMessage());
  }

  @Test
  void imageAndTemplateTogetherAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ColumnMapping.parse("x", new StringReader("id=a\nimage=b\nimage.template={a}.jpg\n")));
  }

  @Test
  void anInvalidFacetNameIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ColumnMapping.parse("x", new StringReader("id=a\nimage=b\nfacet.Bad\\ Name=c\n")));
    assertTrue(e.getMessage().contains("facet.Bad Name"), e.getMessage());
  }

  @Test
  void aMissingMappingFileIsAnIoErrorNamingTheBuiltIns() {
    IOException e = assertThrows(IOException.class, () -> ColumnMapping.load("/nope/x.properties"));
    assertTrue(e.getMessage().contains("met"), e.getMessage());
  }
}
