package org.mnemosyne.importers.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 4180 edge cases, limits and line numbers. */
class CsvReaderTest {

  private static List<CsvRow> read(String text) throws IOException {
    return read(new CsvReader(new StringReader(text)));
  }

  private static List<CsvRow> read(CsvReader reader) throws IOException {
    List<CsvRow> rows = new ArrayList<>();
    Optional<CsvRow> r;
    while ((r = reader.next()).isPresent()) {
      rows.add(r.get());
    }
    return rows;
  }

  @Test
  void quotedFieldsKeepDelimitersLineBreaksAndDoubledQuotes() throws IOException {
    List<CsvRow> rows = read("a,b,c\n\"x,y\",\"line1\nline2\",\"say \"\"hi\"\"\"\n");
    assertEquals(2, rows.size());
    assertEquals(List.of("x,y", "line1\nline2", "say \"hi\""), rows.get(1).fields());
    assertTrue(rows.get(1).problem().isEmpty());
  }

  @Test
  void crlfCrAndLfAllEndRecordsAndQuotedCrlfBecomesLf() throws IOException {
    List<CsvRow> rows = read("a,b\r\n1,\"x\r\ny\"\r\n2,z\r3,w");
    assertEquals(4, rows.size());
    assertEquals(List.of("1", "x\ny"), rows.get(1).fields());
    assertEquals(List.of("2", "z"), rows.get(2).fields());
    assertEquals(List.of("3", "w"), rows.get(3).fields());
  }

  @Test
  void aByteOrderMarkIsSkippedSoTheFirstColumnKeepsItsName() throws IOException {
    List<CsvRow> rows = read("\uFEFFid,title\n1,x\n");
    assertEquals("id", rows.get(0).fields().get(0));
  }

  @Test
  void lineNumbersCountTheLineBreaksInsideQuotedFields() throws IOException {
    List<CsvRow> rows = read("h\n\"a\nb\nc\"\nnext\n\nlast");
    assertEquals(List.of(1L, 2L, 5L, 7L), rows.stream().map(CsvRow::line).toList());
    assertEquals("last", rows.get(3).field(0));
  }

  @Test
  void emptyFieldsAndEmptyQuotedFieldsAreKept() throws IOException {
    List<CsvRow> rows = read("a,b,c\n,\"\",\n");
    assertEquals(List.of("", "", ""), rows.get(1).fields());
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsKeptAsACharacter() throws IOException {
    List<CsvRow> rows = read("h,w\n5'3\",x\n");
    assertEquals(List.of("5'3\"", "x"), rows.get(1).fields());
    assertTrue(rows.get(1).problem().isEmpty());
  }

  @Test
  void textAfterAClosingQuoteMakesTheRowMalformedButReadingGoesOn() throws IOException {
    List<CsvRow> rows = read("h,w\n\"a\"b,c\nok,1\n");
    assertTrue(rows.get(1).problem().orElseThrow().contains("after the closing quote"));
    assertEquals(List.of("ok", "1"), rows.get(2).fields());
    assertTrue(rows.get(2).problem().isEmpty());
  }

  @Test
  void anUnterminatedQuoteIsReportedWithTheLineWhereItOpened() throws IOException {
    List<CsvRow> rows = read("h,w\nok,1\nbad,\"never closed\nmore\n");
    assertEquals(3, rows.size());
    assertTrue(rows.get(2).problem().orElseThrow().contains("line 3"), rows.get(2).problem().get());
  }

  @Test
  void anOverlongFieldIsCutReportedAndTheNextRecordIsReadIntact() throws IOException {
    String big = "x".repeat(5000);
    CsvReader reader =
        new CsvReader(new StringReader("a,b\n1,\"" + big + "\"\n2,ok\n"), ',', 100, 10);
    List<CsvRow> rows = read(reader);
    assertEquals(3, rows.size());
    assertEquals(100, rows.get(1).field(1).length());
    assertTrue(rows.get(1).problem().orElseThrow().contains("5000 characters"));
    assertEquals(List.of("2", "ok"), rows.get(2).fields());
    assertTrue(rows.get(2).problem().isEmpty());
  }

  @Test
  void tooManyFieldsAreCutAndReported() throws IOException {
    CsvReader reader = new CsvReader(new StringReader("a,b,c,d,e\n"), ',', 100, 3);
    CsvRow row = read(reader).get(0);
    assertEquals(3, row.fields().size());
    assertTrue(row.problem().orElseThrow().contains("more than 3 fields"));
  }

  @Test
  void tabDelimitedFilesAndAMissingFinalLineBreakWork() throws IOException {
    CsvReader reader = new CsvReader(new StringReader("a\tb\n1\t\"x\ty\""), '\t', 100, 10);
    List<CsvRow> rows = read(reader);
    assertEquals(List.of("1", "x\ty"), rows.get(1).fields());
  }

  @Test
  void blankLinesAreSkippedAndAnEmptyInputHasNoRows() throws IOException {
    assertEquals(0, read("").size());
    assertEquals(0, read("\n\r\n\n").size());
    assertEquals(2, read("a\n\n\nb\n").size());
  }
}
