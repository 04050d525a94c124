package org.mnemosyne.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Subject groups read off a painting's title, for {@code mnemosyne search-quality}: the paintings
 * have no {@code subjects.csv}, so a title gets every {@link SubjectGroups#GROUPS group} one of
 * whose keywords it contains as a whole word (lower-cased, split at anything but a letter, so
 * {@code "Woman's"} has the word {@code woman}). "Portrait of a Girl with a Dog" is people and
 * animal; "Helena Tromper Du Bois" names nobody the map knows and stays unlabelled.
 *
 * <p>The map is deliberately short and literal: words that say what is depicted (portrait, saint,
 * landscape, beach, horse, flowers, boats, house), no proper names, no scene words whose subject is
 * a guess (supper, tea, still life, temple), and no vase (a vase of flowers is a flower painting).
 * Religious scenes count as people through saint, virgin, christ, madonna and the like. Stateless.
 */
final class TitleSubjects {
  /** Per group, its keywords separated by spaces. */
  private static final Map<String, String> KEYWORDS =
      Map.ofEntries(
          Map.entry(
              "people",
              "portrait man men woman women girl girls boy boys child children lady gentleman"
                  + " officer dancer dancers nymph sisters lawyers monk monks peasant peasants"
                  + " shepherdess musician musicians bather laundress singer acrobats saint saints"
                  + " st virgin madonna christ apostle daughter daughters son mother father niece"
                  + " family king emperor chief cavalier beggar woodchopper sheepshearers"
                  + " princesses fairies travelers travellers figures nude nudes wrestler donor"
                  + " angels soldiers hunters horseman herdsman rowers fisherman bishop duke"
                  + " philosopher collector"),
          Map.entry(
              "landscape",
              "landscape marsh road pasture view beach cliff sea seascape river lake pond woods"
                  + " wooded forest ravine mountain alpine rocks heather grove storm mist"
                  + " wilderness sky"),
          Map.entry(
              "animal",
              "pig pigs cow cows cattle herd horse horses horseman lion dog dogs bird birds geese"
                  + " goose oies parakeet sheep fish cavalry"),
          Map.entry("flower", "flower flowers chrysanthemums bouquet roses"),
          Map.entry("food", "apple apples grapes fruit fruits cherries breakfast"),
          Map.entry("tableware", "cup cups tankard jug"),
          Map.entry("musical instrument", "instrument instruments guitar lute violin"),
          Map.entry("boat", "boat boats ship ships"),
          Map.entry("vehicle", "train railway chariot carriage"),
          Map.entry(
              "architecture",
              "courtyard cottage house houses mill palace colonnade church cathedral inn monument"
                  + " interior room"),
          Map.entry("tree or plant", "tree trees"),
          Map.entry("sculpture", "statue bust sculpture"));

  private TitleSubjects() {}

  /** The groups the title names, in {@link SubjectGroups#GROUPS} order; empty if none. */
  static Set<String> groups(String title) {
    Set<String> words =
        new HashSet<>(Arrays.asList(title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")));
    Set<String> out = new LinkedHashSet<>();
    for (String group : SubjectGroups.GROUPS) {
      if (Arrays.stream(KEYWORDS.getOrDefault(group, "").split(" ")).anyMatch(words::contains)) {
        out.add(group);
      }
    }
    return out;
  }
}
