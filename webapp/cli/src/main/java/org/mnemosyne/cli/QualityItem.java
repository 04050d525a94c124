package org.mnemosyne.cli;

import java.util.Objects;
import java.util.Set;

/**
 * One item of a search-quality run.
 *
 * @param id the item id, unique within the run
 * @param collection the collection (medium) it belongs to, e.g. {@code art}
 * @param vector its L2-normalised embedding (not copied: the run owns it)
 * @param subjects its {@link SubjectGroups subject groups}; empty when unlabelled
 */
record QualityItem(long id, String collection, float[] vector, Set<String> subjects) {

  /** Validates and copies the subjects. */
  QualityItem {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(vector, "vector");
    subjects = Set.copyOf(subjects);
  }

  /** Whether the two items share a subject group (never true when either is unlabelled). */
  boolean sameSubject(QualityItem other) {
    for (String s : other.subjects) {
      if (subjects.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
