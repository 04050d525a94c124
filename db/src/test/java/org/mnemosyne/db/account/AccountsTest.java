package org.mnemosyne.db.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mnemosyne.db.jdbc.DataAccessException;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.testing.TestDatabase;

class AccountsTest {
  @Test
  void onlyOneFirstAdminEvenWhenManyTryAtOnce() throws Exception {
    Transactor tx = new Transactor(TestDatabase.fresh());
    UserRepository users = new UserRepository(tx);
    users.create("cur", "Curator", "h", List.of("curator"));
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Optional<Long>>> tries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "admin" + i;
      tries.add(
          pool.submit(
              () -> {
                go.await();
                return users.createFirstAdmin(name, "Admin", "h");
              }));
    }
    go.countDown();
    int created = 0;
    for (Future<Optional<Long>> f : tries) {
      created += f.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, created, "exactly one of " + n + " concurrent setups wins");
    assertTrue(users.anyAdmin());
    assertEquals(Optional.empty(), users.createFirstAdmin("late", "Late", "h"), "closed after");
  }

  @Test
  void usersRolesAndSavedConditionsVisibleToTheirOwnerOrEveryoneOncePublished() {
    Transactor tx = new Transactor(TestDatabase.fresh());
    UserRepository users = new UserRepository(tx);
    assertFalse(users.anyAdmin());
    long ann = users.create("ann", "Ann", "PBKDF2WithHmacSHA256:1:AA==:AA==", List.of("admin"));
    long bob = users.create("bob", "Bob", "PBKDF2WithHmacSHA256:1:AA==:AA==", List.of());
    assertTrue(users.anyAdmin());
    assertEquals(Optional.of(ann), users.idOf("ANN"));
    assertThrows(
        DataAccessException.class, () -> users.create("Ann", "x", "h", List.of()), "unique");
    assertThrows(DataAccessException.class, () -> users.create("bad name!", "x", "h", List.of()));

    SavedConditionRepository saved = new SavedConditionRepository(tx);
    long dutch =
        saved.save(
            Optional.of(ann), "Dutch Golden Age", "culture:Dutch AND year:[1600 TO 1700]", "{}");
    saved.save(Optional.of(bob), "Mine", "collection:art", "{}");
    assertEquals(List.of("Dutch Golden Age"), names(saved.visibleTo(Optional.of(ann))));
    assertEquals(List.of(), names(saved.visibleTo(Optional.empty())));
    assertEquals(
        dutch,
        saved.save(Optional.of(ann), "Dutch Golden Age", "culture:Dutch", "{}"),
        "same name replaces");
    assertTrue(saved.publish(dutch));
    assertEquals(List.of("Dutch Golden Age"), names(saved.visibleTo(Optional.empty())));
    assertEquals(List.of("Dutch Golden Age", "Mine"), names(saved.visibleTo(Optional.of(bob))));
    assertEquals("culture:Dutch", saved.visibleTo(Optional.empty()).get(0).text());
    assertTrue(saved.delete(dutch));
    assertFalse(saved.delete(dutch));
  }

  private static List<String> names(List<SavedCondition> list) {
    return list.stream().map(SavedCondition::name).toList();
  }
}
