package org.mnemosyne.db.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;

/** Taking items and collections down, and which images then count as taken down. */
class TakedownTest {
  private static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }

  @Test
  void anImageCountsAsTakenDownOnlyWhenNoShownItemStillUsesIt() {
    DataSource ds = TestDatabase.fresh();
    CatalogRepository catalog = new CatalogRepository(new Transactor(ds));
    Institution inst = catalog.ensureInstitution(new Slug("i"), "I");
    CollectionInfo a = catalog.ensureCollection(inst, new Slug("a"), "A");
    CollectionInfo b = catalog.ensureCollection(inst, new Slug("b"), "B");
    long a1 = Sql.insertItem(ds, a.id(), "1", hash('a'));
    Sql.insertItem(ds, a.id(), "2", hash('b'));
    Sql.insertItem(ds, b.id(), "1", hash('b')); // the same image in another collection
    Sql.insertItem(ds, b.id(), "2", hash('c'));
    assertEquals(List.of(), catalog.takenDownContentHashes());

    assertTrue(catalog.withdrawItem(a1, "rights"));
    assertFalse(catalog.withdrawItem(a1, "again"), "only active items are withdrawn");
    assertEquals(List.of(hash('a')), catalog.takenDownContentHashes());
    assertEquals(1, catalog.activeItemCount(a.id()));

    assertEquals(1, catalog.withdrawCollection(a.id(), "takedown"));
    assertEquals(
        List.of(hash('a')),
        catalog.takenDownContentHashes(),
        "b's copy of image 'b' is still shown, so it is not taken down");
    catalog.withdrawCollection(b.id(), "takedown");
    assertEquals(
        List.of(hash('a'), hash('b'), hash('c')),
        catalog.takenDownContentHashes().stream().sorted().toList());
  }
}
