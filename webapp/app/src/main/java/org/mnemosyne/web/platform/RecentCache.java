package org.mnemosyne.web.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded cache for values read by many request threads at once. Reads and writes take no lock (a
 * concurrent map; a read stamps the entry with the time it was used), so a popular entry does not
 * serialise the threads that ask for it, as an access-ordered {@code LinkedHashMap} behind a
 * monitor does. When the cache holds more than its capacity, one writer drops the least recently
 * used entries down to three quarters of the capacity while the others go on, so it can briefly
 * hold a few entries more than its capacity (at most about one per writing thread).
 *
 * @param <K> key type
 * @param <V> value type (never null)
 */
public final class RecentCache<K, V> {
  private static final class Entry<V> {
    final V value;
    volatile long used;

    Entry(V value, long used) {
      this.value = value;
      this.used = used;
    }
  }

  private final int capacity;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final ReentrantLock sweeping = new ReentrantLock();

  /**
   * A cache of at most about {@code capacity} entries.
   *
   * @throws IllegalArgumentException if the capacity is not positive
   */
  public RecentCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** The value cached for a key, if any; marks it as recently used. */
  public Optional<V> get(K key) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    e.used = System.nanoTime();
    return Optional.of(e.value);
  }

  /** Caches a value for a key (replacing any), dropping the least recently used when full. */
  public void put(K key, V value) {
    entries.put(key, new Entry<>(java.util.Objects.requireNonNull(value), System.nanoTime()));
    if (entries.size() > capacity && sweeping.tryLock()) {
      try {
        while (entries.size() > capacity) { // entries put by others while this one swept
          sweep();
        }
      } finally {
        sweeping.unlock();
      }
    }
  }

  /** Caches every value of a map. */
  public void putAll(Map<? extends K, ? extends V> values) {
    values.forEach(this::put);
  }

  /** How many entries are cached now. */
  public int size() {
    return entries.size();
  }

  private void sweep() {
    int excess = entries.size() - capacity * 3 / 4;
    // the use times as they are now: readers go on stamping entries while this sorts
    List<Used<K, V>> all = new ArrayList<>();
    entries.forEach((k, e) -> all.add(new Used<>(k, e, e.used)));
    all.sort(Comparator.comparingLong(Used::at));
    for (int i = 0; i < excess && i < all.size(); i++) {
      entries.remove(all.get(i).key(), all.get(i).entry()); // a value put meanwhile stays
    }
  }

  private record Used<K, V>(K key, Entry<V> entry, long at) {}
}
