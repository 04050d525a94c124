package org.mnemosyne.db.catalog;

import java.util.Locale;

/** Where a collection is in its life: prepared, shown to visitors, or taken down. */
public enum CollectionStatus {
  /** Being prepared: imported and embedded but hidden from every public page, count and index. */
  DRAFT,
  /** Published: searchable by everyone. */
  ACTIVE,
  /** Taken down: hidden, its items withdrawn and their cached explanations deleted. */
  WITHDRAWN;

  /** The value in the {@code collection.status} column. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status stored as {@code value}.
   *
   * @throws IllegalArgumentException for a value the schema does not allow
   */
  public static CollectionStatus fromDb(String value) {
    for (CollectionStatus s : values()) {
      if (s.dbValue().equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown collection status: " + value);
  }
}
