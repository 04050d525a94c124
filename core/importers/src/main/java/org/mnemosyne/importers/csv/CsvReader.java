package org.mnemosyne.importers.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: fields separated by a delimiter (default comma), records by CRLF, LF
 * or CR; a field in double quotes may contain delimiters, line breaks and doubled quotes ({@code
 * ""} for {@code "}). A UTF-8 byte-order mark at the start is skipped. Line breaks inside quoted
 * fields are returned as {@code \n}. Empty lines between records are skipped.
 *
 * <p>Untrusted input cannot exhaust memory: a field longer than {@code maxFieldChars} is truncated
 * and a record with more than {@code maxFields} fields is cut, and the row carries a {@link
 * CsvRow#problem()}; reading then goes on at the next record. A quote inside an unquoted field is
 * kept as a character (common in real files, e.g. {@code 5'3"}). Text after a closing quote and a
 * quoted field still open at the end of the file make the row malformed.
 *
 * <p>Not thread-safe; one instance reads one stream.
 */
public final class CsvReader implements AutoCloseable {
  /** Default limit of one field: 1 Mi characters. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

  /** Default limit of fields per record. */
  public static final int DEFAULT_MAX_FIELDS = 10_000;

  private static final int EOF = -1;

  private final Reader in;
  private final char delimiter;
  private final int maxFieldChars;
  private final int maxFields;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private long line = 1;
  private long charsRead;
  private boolean started;
  private boolean finished;

  /** A comma-separated reader with the default limits. */
  public CsvReader(Reader in) {
    this(in, ',', DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_FIELDS);
  }

  /**
   * A reader.
   *
   * @param in the text (the caller chooses the charset)
   * @param delimiter field separator, not a quote or line break
   * @param maxFieldChars longest field kept, positive
   * @param maxFields most fields per record, positive
   */
  public CsvReader(Reader in, char delimiter, int maxFieldChars, int maxFields) {
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
    }
    if (maxFieldChars <= 0 || maxFields <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.in = in;
    this.delimiter = delimiter;
    this.maxFieldChars = maxFieldChars;
    this.maxFields = maxFields;
  }

  /** Characters consumed so far (for progress). */
  public long charsRead() {
    return charsRead;
  }

  /**
   * Reads the next record.
   *
   * @return the record, or empty at the end of the input
   * @throws IOException if the underlying reader fails
   */
  public Optional<CsvRow> next() throws IOException {
    while (true) {
      if (finished) {
        return Optional.empty();
      }
      skipByteOrderMark();
      Optional<CsvRow> row = readRecord();
      if (row.isEmpty()) {
        return row;
      }
      CsvRow r = row.get();
      boolean blankLine = r.fields().size() == 1 && r.fields().get(0).isEmpty();
      if (!blankLine || r.problem().isPresent()) {
        return row;
      }
    }
  }

  private void skipByteOrderMark() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
      }
    }
  }

  private Optional<CsvRow> readRecord() throws IOException {
    long startLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    boolean quoted = false; // inside quotes
    boolean afterQuote = false; // just closed a quoted field
    boolean any = false;
    long quoteLine = 0;
    int fieldLength = 0;
    while (true) {
      int c = read();
      if (c == EOF) {
        finished = true;
        if (!any) {
          return Optional.empty();
        }
        if (quoted) {
          problem = first(problem, "quoted field opened on line " + quoteLine + " is never closed");
        }
        problem = addField(fields, field, fieldLength, problem);
        return Optional.of(new CsvRow(startLine, fields, Optional.ofNullable(problem)));
      }
      any = true;
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            fieldLength = append(field, '"', fieldLength);
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else if (c == '\r' || c == '\n') {
          endOfLine(c);
          fieldLength = append(field, '\n', fieldLength);
        } else {
          fieldLength = append(field, (char) c, fieldLength);
        }
        continue;
      }
      if (c == delimiter) {
        problem = addField(fields, field, fieldLength, problem);
        field.setLength(0);
        fieldLength = 0;
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        endOfLine(c);
        problem = addField(fields, field, fieldLength, problem);
        return Optional.of(new CsvRow(startLine, fields, Optional.ofNullable(problem)));
      } else if (c == '"' && fieldLength == 0 && !afterQuote) {
        quoted = true;
        quoteLine = line;
      } else {
        if (afterQuote) {
          problem =
              first(
                  problem,
                  "text after the closing quote of field "
                      + (fields.size() + 1)
                      + " on line "
                      + line);
          afterQuote = false;
        }
        fieldLength = append(field, (char) c, fieldLength);
      }
    }
  }

  private String addField(List<String> fields, StringBuilder field, int length, String problem) {
    if (fields.size() >= maxFields) {
      return first(problem, "more than " + maxFields + " fields");
    }
    fields.add(field.toString());
    if (length > maxFieldChars) {
      return first(
          problem,
          "field "
              + fields.size()
              + " has "
              + length
              + " characters, more than the limit of "
              + maxFieldChars);
    }
    return problem;
  }

  private int append(StringBuilder field, char c, int length) {
    if (length < maxFieldChars) {
      field.append(c);
    }
    return length == Integer.MAX_VALUE ? length : length + 1;
  }

  private static String first(String existing, String problem) {
    return existing != null ? existing : problem;
  }

  private void endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    charsRead++;
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
