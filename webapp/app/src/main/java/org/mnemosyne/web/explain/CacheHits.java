package org.mnemosyne.web.explain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.mnemosyne.db.cache.ExplanationKey;
import org.mnemosyne.web.search.IndexRebuilt;

/**
 * Remembers which cached explanation answers a request (by the key's digest), so that asking again
 * costs no database round trip: under load a cached explanation is mostly container work. Only hits
 * are remembered (a miss is asked again), at most {@value #MAX} of them. Everything is forgotten
 * whenever the database's cached explanations may have lost rows: when an admin clears the cache
 * ({@link #forget()}) and after every index rebuild, which follows every takedown, withdrawal,
 * re-embedding and import, whoever made it (within {@code SearchIndexService}'s recheck interval
 * for changes made outside this process). The stored explanation itself is always read from the
 * database, so a forgotten takedown can at worst name an explanation that answers 404.
 */
@ApplicationScoped
public class CacheHits {
  /** Hits remembered at most (about 100 bytes each). */
  static final int MAX = 10_000;

  private final Map<String, Long> ids = new ConcurrentHashMap<>();
  private long generation;

  /**
   * The remembered explanation id for a key, else what {@code lookup} (the database) answers,
   * remembered if found.
   */
  Optional<Long> find(ExplanationKey key, Supplier<Optional<Long>> lookup) {
    String digest = key.digest();
    Long id = ids.get(digest);
    if (id != null) {
      return Optional.of(id);
    }
    long before;
    synchronized (this) {
      before = generation;
    }
    Optional<Long> found = lookup.get();
    if (found.isPresent()) {
      synchronized (this) {
        if (generation == before) { // not forgotten meanwhile: the answer is not older than that
          if (ids.size() >= MAX) {
            ids.clear();
          }
          ids.put(digest, found.get());
        }
      }
    }
    return found;
  }

  /** Forgets every remembered hit. */
  public synchronized void forget() {
    generation++;
    ids.clear();
  }

  void afterRebuild(@Observes IndexRebuilt event) {
    forget();
  }

  /** How many hits are remembered. */
  int size() {
    return ids.size();
  }
}
