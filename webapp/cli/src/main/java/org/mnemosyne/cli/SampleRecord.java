package org.mnemosyne.cli;

import java.util.List;
import java.util.Objects;

/**
 * An item as {@code mnemosyne search-quality} reads it, before labelling.
 *
 * @param id the item id, unique within the run
 * @param collection its collection slug, e.g. {@code art}
 * @param vector its L2-normalised embedding
 * @param subjects its {@code subject} values (from {@code subjects.csv}); empty when it has none
 * @param title its title, for items without subjects
 */
record SampleRecord(
    long id, String collection, float[] vector, List<String> subjects, String title) {

  /** Validates and copies the subjects. */
  SampleRecord {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(vector, "vector");
    subjects = List.copyOf(subjects);
    title = title == null ? "" : title;
  }

  /** This item with its {@link SubjectGroups#label subject groups}. */
  QualityItem labelled() {
    return new QualityItem(id, collection, vector, SubjectGroups.label(subjects, title));
  }
}
