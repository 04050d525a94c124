package org.mnemosyne.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subject vocabulary that {@code mnemosyne search-quality} judges relevance by: twelve coarse
 * groups shared by all three sample media, and the map from the hand-assigned {@code subject}
 * labels of {@code photos/subjects.csv} and {@code clipart/subjects.csv} onto them.
 *
 * <p>The groups are the {@code subject_group} column of {@code clipart/subjects.csv}; every
 * clip-art {@code subject} maps to its row's group (a test checks this against the file). The
 * photographs' subjects use a different, slash-separated vocabulary ({@code landscape/water},
 * {@code object/tableware}); they are mapped by meaning: {@code sky} and {@code landscape/*} to
 * landscape, {@code plant} and {@code plant/tree} to tree or plant, {@code still life/food} to
 * food, {@code still life/objects} (cups, brushes in jars) to tableware, {@code interior} to
 * architecture as in the clip art, and the inukshuk ({@code monument}) to sculpture. Five
 * photographs have a subject no other medium shares ({@code texture}, {@code water} (a drop
 * splash), {@code technology}, {@code museum object}, {@code object/toy}) and stay unlabelled.
 * Immutable.
 */
final class SubjectGroups {
  /** The coarse subject groups, in display order. */
  static final List<String> GROUPS =
      List.of(
          "animal",
          "food",
          "people",
          "architecture",
          "musical instrument",
          "flower",
          "tableware",
          "tree or plant",
          "landscape",
          "boat",
          "vehicle",
          "sculpture");

  private static final Map<String, String> SUBJECT_TO_GROUP =
      Map.ofEntries(
          // clipart/subjects.csv subject -> subject_group
          Map.entry("amphibian", "animal"),
          Map.entry("bird", "animal"),
          Map.entry("cat", "animal"),
          Map.entry("crustacean", "animal"),
          Map.entry("dog", "animal"),
          Map.entry("fish", "animal"),
          Map.entry("horse", "animal"),
          Map.entry("insect", "animal"),
          Map.entry("mammal", "animal"),
          Map.entry("reptile", "animal"),
          Map.entry("sea mammal", "animal"),
          Map.entry("snail", "animal"),
          Map.entry("food", "food"),
          Map.entry("fruit", "food"),
          Map.entry("vegetable", "food"),
          Map.entry("person", "people"),
          Map.entry("portrait", "people"),
          Map.entry("building", "architecture"),
          Map.entry("interior", "architecture"),
          Map.entry("musical instrument", "musical instrument"),
          Map.entry("flower", "flower"),
          Map.entry("drink and tableware", "tableware"),
          Map.entry("tree or plant", "tree or plant"),
          Map.entry("landscape", "landscape"),
          Map.entry("boat", "boat"),
          Map.entry("vehicle", "vehicle"),
          Map.entry("sculpture", "sculpture"),
          // photos/subjects.csv subjects not already above
          Map.entry("animal", "animal"),
          Map.entry("still life/food", "food"),
          Map.entry("people", "people"),
          Map.entry("people/portrait", "people"),
          Map.entry("architecture", "architecture"),
          Map.entry("architecture/city", "architecture"),
          Map.entry("object/tableware", "tableware"),
          Map.entry("still life/objects", "tableware"),
          Map.entry("plant", "tree or plant"),
          Map.entry("plant/tree", "tree or plant"),
          Map.entry("landscape/water", "landscape"),
          Map.entry("landscape/mountain", "landscape"),
          Map.entry("sky", "landscape"),
          Map.entry("monument", "sculpture"));

  private SubjectGroups() {}

  /** The group of a {@code subjects.csv} subject (any case); empty if no other medium has it. */
  static Optional<String> ofSubject(String subject) {
    return Optional.ofNullable(SUBJECT_TO_GROUP.get(subject.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * An item's relevance label: the groups of its {@code subject} facet values where it has any
   * (photographs, clip art), otherwise the groups its title names (paintings, see {@link
   * TitleSubjects}). Empty: unlabelled, never a query and never relevant.
   */
  static Set<String> label(List<String> subjects, String title) {
    if (!subjects.isEmpty()) {
      Set<String> out = new LinkedHashSet<>();
      subjects.forEach(s -> ofSubject(s).ifPresent(out::add));
      return out;
    }
    return TitleSubjects.groups(title);
  }
}
