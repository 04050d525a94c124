package org.mnemosyne.api.index;

/**
 * A condition text or JSON document that cannot be read: bad syntax, an unknown facet, a facet used
 * with the wrong type (a range on a categorical facet, a word on a numeric one), or input beyond
 * the size and nesting limits.
 *
 * <p>{@link #position()} is the 0-based {@code char} offset into the text (or JSON) where the
 * problem was found, suitable for pointing at it in a user interface; {@link #reason()} says what
 * is wrong without the position; {@link #getMessage()} combines both, e.g. {@code at 17: expected
 * ')' but found end of input}. Instances are immutable.
 */
public class ConditionSyntaxException extends IllegalArgumentException {
  /** The 0-based offset into the input. */
  private final int position;

  /** What is wrong, without the position. */
  private final String reason;

  /**
   * Creates an exception.
   *
   * @param position 0-based offset into the input, at least 0
   * @param reason what is wrong, without the position
   */
  public ConditionSyntaxException(int position, String reason) {
    super("at " + position + ": " + reason);
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative: " + position);
    }
    this.position = position;
    this.reason = reason;
  }

  /**
   * The 0-based {@code char} offset into the input where the problem was found.
   *
   * @return the offset, at least 0 and at most the input's length
   */
  public int position() {
    return position;
  }

  /**
   * What is wrong, without the position.
   *
   * @return the reason, e.g. {@code expected ')' but found end of input}
   */
  public String reason() {
    return reason;
  }
}
