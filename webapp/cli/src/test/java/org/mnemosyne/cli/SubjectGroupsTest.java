package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mnemosyne.importers.csv.CsvReader;

/** The subject vocabulary: title keywords, and the maps checked against the samples' files. */
class SubjectGroupsTest {
  private static final Path DATA =
      Path.of(System.getProperty("mnemosyne.shared.dir"), "data").normalize();

  /** The photographs' subjects that no other medium shares, as SubjectGroups documents. */
  private static final Set<String> UNSHARED =
      Set.of("texture", "water", "technology", "museum object", "object/toy");

  @Test
  void aTitleGetsEveryGroupItNamesAsAWholeWord() {
    assertEquals(Set.of("people", "animal"), TitleSubjects.groups("Portrait of a Girl with a Dog"));
    assertEquals(
        Set.of("boat", "landscape"), TitleSubjects.groups("Boats on the Beach at Étretat"));
    assertEquals(Set.of("people"), TitleSubjects.groups("Woman's Head"));
    assertEquals(
        Set.of("people"),
        TitleSubjects.groups(
            "Saint Christopher Meets Satan; Saint Christopher before the King of Lycia"),
        "a repeated word is fine");
    assertEquals(Set.of("flower"), TitleSubjects.groups("Flowers in a Vase"));
    assertEquals(Set.of(), TitleSubjects.groups("Helena Tromper Du Bois"));
    assertEquals(Set.of(), TitleSubjects.groups("Germany"), "no match inside a word (man)");
  }

  @Test
  void subjectsWinOverTheTitleAndUnsharedSubjectsLeaveAnItemUnlabelled() {
    assertEquals(Set.of("animal"), SubjectGroups.label(List.of("Bird"), "Portrait of a lady"));
    assertEquals(Set.of("people"), SubjectGroups.label(List.of(), "Portrait of a lady"));
    assertEquals(Set.of(), SubjectGroups.label(List.of("texture"), "Wood (wood grain)"));
  }

  @Test
  void everyClipArtSubjectMapsToTheGroupItsRowGives() throws Exception {
    List<List<String>> rows = rows(DATA.resolve("clipart/subjects.csv"));
    assertEquals(List.of("id", "subject", "subject_group"), rows.get(0).subList(0, 3));
    for (List<String> r : rows.subList(1, rows.size())) {
      assertEquals(Optional.of(r.get(2)), SubjectGroups.ofSubject(r.get(1)), r.toString());
      assertTrue(SubjectGroups.GROUPS.contains(r.get(2)), r.get(2));
    }
  }

  @Test
  void everyPhotoSubjectIsMappedOrDocumentedAsUnshared() throws Exception {
    List<List<String>> rows = rows(DATA.resolve("photos/subjects.csv"));
    Set<String> unmapped = new TreeSet<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (SubjectGroups.ofSubject(r.get(1)).isEmpty()) {
        unmapped.add(r.get(1));
      }
    }
    assertEquals(new TreeSet<>(UNSHARED), unmapped);
  }

  private static List<List<String>> rows(Path file) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(r)) {
      for (var row = csv.next(); row.isPresent(); row = csv.next()) {
        out.add(row.get().fields());
      }
    }
    return out;
  }
}
