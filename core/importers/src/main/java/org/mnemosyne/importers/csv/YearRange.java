package org.mnemosyne.importers.csv;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year or a range of years read from a cell: {@code 1650}, {@code -200} (200 BCE), {@code
 * 1650-1660}, {@code 1650–1660} or {@code 1650/1660}. Anything else is refused with a reason, so a
 * bad year is reported instead of silently becoming "unknown".
 *
 * @param from first year
 * @param to last year, not before {@code from}
 */
public record YearRange(int from, int to) {
  /** Earliest year accepted. */
  public static final int MIN = -100_000;

  /** Latest year accepted. */
  public static final int MAX = 3_000;

  private static final Pattern YEAR = Pattern.compile("\\s*(-?\\d{1,6})\\s*");
  private static final Pattern RANGE =
      Pattern.compile("\\s*(-?\\d{1,6})\\s*[-\u2013\u2014/]\\s*(-?\\d{1,6})\\s*");

  /** Validates. */
  public YearRange {
    check(from);
    check(to);
    if (from > to) {
      throw new IllegalArgumentException(
          "year range " + from + "-" + to + " ends before it starts");
    }
  }

  private static void check(int year) {
    if (year < MIN || year > MAX) {
      throw new IllegalArgumentException(
          "year " + year + " is outside " + MIN + ".." + MAX + " (a typo?)");
    }
  }

  /**
   * Reads a cell.
   *
   * @return empty for a blank cell
   * @throws IllegalArgumentException naming the text if it is not a year or a range
   */
  public static Optional<YearRange> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = YEAR.matcher(text);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      return Optional.of(new YearRange(y, y));
    }
    m = RANGE.matcher(text);
    if (m.matches()) {
      return Optional.of(new YearRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    throw new IllegalArgumentException(
        "'" + abbreviate(text) + "' is not a year (expected e.g. 1650, -200 or 1650-1660)");
  }

  /** Reads a cell that holds one year. */
  public static Optional<Integer> parseYear(String text) {
    return parse(text)
        .map(
            r -> {
              if (r.from != r.to) {
                throw new IllegalArgumentException(
                    "'" + abbreviate(text) + "' is a range where one year is expected");
              }
              return r.from;
            });
  }

  static String abbreviate(String text) {
    String t = text.strip();
    return t.length() <= 40 ? t : t.substring(0, 40) + "...";
  }
}
