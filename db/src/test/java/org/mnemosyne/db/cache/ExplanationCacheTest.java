package org.mnemosyne.db.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;

class ExplanationCacheTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  private static ExplanationKey key(String params, Optional<Long> queryItem) {
    return new ExplanationKey(
        "m", "1", "kernel-shap", "1.0.0", params, A, queryItem, B, Optional.empty());
  }

  @Test
  void storesOncePerKeyFindsByKeyAndIdAndReportsStats() {
    DataSource ds = TestDatabase.fresh();
    ExplanationCache cache = new ExplanationCache(new Transactor(ds));
    ExplanationKey k1 = key("order=FIRST budget=64", Optional.empty());
    assertTrue(cache.findId(k1).isEmpty());
    long id = cache.store(k1, "{\"evaluations\":64}", 64, 120);
    CachedExplanation hit = cache.find(cache.findId(k1).orElseThrow()).orElseThrow();
    assertEquals(id, hit.id());
    assertEquals("kernel-shap", hit.explainer());
    assertEquals(64, hit.evaluations());
    assertTrue(hit.result().contains("\"evaluations\": 64") || hit.result().contains("64"));
    assertEquals(id, cache.find(id).orElseThrow().id());
    assertEquals(Optional.of(id), cache.findId(k1));
    assertTrue(cache.findId(key("other", Optional.empty())).isEmpty());
    assertEquals(id, cache.store(k1, "{\"evaluations\":65}", 65, 100), "same key, same row");
    assertEquals(65, cache.find(id).orElseThrow().evaluations());
    ExplanationKey k2 = key("order=FIRST budget=128", Optional.empty());
    assertTrue(cache.findId(k2).isEmpty(), "other parameters miss");
    assertNotEquals(k1.digest(), k2.digest());
    cache.store(k2, "{}", 128, 200);
    CacheStats stats = cache.stats();
    assertEquals(2, stats.entries());
    assertEquals(193, stats.evaluationsSaved());
    assertEquals(2L, stats.byExplainer().get("kernel-shap"));
    assertTrue(stats.bytes() > 0);
    assertEquals(2, cache.clear());
    assertEquals(0, cache.stats().entries());
    assertEquals(0, Sql.count(ds, "SELECT count(*) FROM cached_explanation"));
  }
}
