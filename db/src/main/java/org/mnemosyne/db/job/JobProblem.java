package org.mnemosyne.db.job;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A problem with one unit of a job's input, e.g. a CSV row with a missing image.
 *
 * @param ordinal the unit's position in the job's input (0-based); with the code, unique per job
 * @param location where, for people, e.g. {@code metadata.csv line 17}
 * @param sourceId the record's id in the source, if known
 * @param severity error (not imported) or warning (imported with a change)
 * @param code a stable machine-readable kind, e.g. {@code missing-image}
 * @param message what is wrong, for people
 */
public record JobProblem(
    long ordinal,
    String location,
    Optional<String> sourceId,
    Severity severity,
    String code,
    String message) {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*");

  /** Longest message kept; longer ones are cut. */
  public static final int MAX_MESSAGE = 2000;

  /** Validates and cuts overlong text. */
  public JobProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(sourceId, "sourceId");
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must not be negative");
    }
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("bad problem code " + code);
    }
    location = cut(Objects.requireNonNull(location, "location"), 500);
    message = cut(Objects.requireNonNull(message, "message"), MAX_MESSAGE);
    sourceId = sourceId.map(s -> cut(s, 500));
  }

  private static String cut(String s, int max) {
    String clean = s.replace('\u0000', ' ');
    return clean.length() <= max ? clean : clean.substring(0, max - 3) + "...";
  }

  @Override
  public String toString() {
    return location + sourceId.map(s -> " (" + s + ")").orElse("") + " [" + code + "] " + message;
  }
}
