package org.mnemosyne.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.runtime.search.FacetCounts;
import org.mnemosyne.web.platform.Database;
import org.mnemosyne.web.platform.ModelService;
import org.mnemosyne.web.platform.RecentCache;

/**
 * Conditional search over the collections: the query vector (a stored item vector, or an uploaded
 * image or a region embedded by the model), the condition parsed against the database's facets, the
 * exact conditional k-NN from the index, and the result items read from the database. Without a
 * query it browses the matching items in id order. Thread-safe.
 */
@ApplicationScoped
public class SearchService {
  private static final int QUERY_CACHE = 1024;
  private static final int ITEM_CACHE = 4096;

  @Inject SearchIndexService indexes;
  @Inject ModelService models;
  @Inject Database database;
  @Inject UploadStore uploads;
  @Inject ImageService images;

  private final RecentCache<String, float[]> queryVectors = new RecentCache<>(QUERY_CACHE);

  /** Items for display, kept while the index snapshot they were read under is current. */
  private final AtomicReference<ItemGeneration> items =
      new AtomicReference<>(new ItemGeneration("", new RecentCache<>(ITEM_CACHE)));

  /** The cached items read under one index snapshot (named by its fingerprint). */
  private record ItemGeneration(String fingerprint, RecentCache<Long, ItemRecord> items) {}

  /**
   * Parses a condition against the current facets.
   *
   * @throws org.mnemosyne.api.index.ConditionSyntaxException with position and reason
   */
  public Condition parse(String text) {
    return Condition.parse(text == null ? "" : text, indexes.snapshot().schema()).normalize();
  }

  /** Facet counts among the items matching a condition. */
  public FacetCounts facets(Condition condition, int maxValues) {
    return indexes.snapshot().table().counts(condition, maxValues);
  }

  /**
   * Runs a search.
   *
   * @throws org.mnemosyne.api.index.ConditionSyntaxException if the condition is malformed
   * @throws NotFoundException if the query item or upload does not exist
   * @throws IllegalArgumentException for other bad input, with the reason
   */
  public SearchPage search(SearchRequest r) {
    IndexSnapshot snap = indexes.snapshot();
    Condition condition = Condition.parse(r.condition(), snap.schema()).normalize();
    List<String> warnings = unknownValues(condition, snap);
    Optional<ItemRecord> queryItem = r.item().map(this::activeItem);
    int offset = r.page() * r.pageSize();
    if (!r.hasQuery()) {
      long start = System.nanoTime();
      long[] ids = snap.table().matching(condition, offset, r.pageSize() + 1);
      List<Long> pageIds = new ArrayList<>();
      for (int i = 0; i < Math.min(ids.length, r.pageSize()); i++) {
        pageIds.add(ids[i]);
      }
      List<ResultRow> rows = rows(pageIds, Map.of(), offset);
      return new SearchPage(
          r,
          condition,
          queryItem,
          rows,
          ids.length > r.pageSize(),
          snap.table().count(condition),
          snap.size(),
          "browse",
          0,
          Duration.ofNanos(System.nanoTime() - start),
          warnings);
    }
    if (snap.index().isEmpty()) {
      return new SearchPage(
          r, condition, queryItem, List.of(), false, 0, 0, "empty", 0, Duration.ZERO, warnings);
    }
    float[] query = queryVector(r, queryItem, snap);
    ConditionalIndex index = snap.index().get();
    long excluded = queryItem.isPresent() && r.region().isEmpty() ? queryItem.get().id() : -1;
    int k = offset + r.pageSize() + 1 + (excluded >= 0 ? 1 : 0);
    SearchResult result = index.search(query, condition, k);
    List<Hit> hits = result.hits().stream().filter(h -> h.itemId() != excluded).toList();
    List<Long> pageIds = new ArrayList<>();
    Map<Long, Double> scores = new java.util.HashMap<>();
    for (int i = offset; i < Math.min(hits.size(), offset + r.pageSize()); i++) {
      pageIds.add(hits.get(i).itemId());
      scores.put(hits.get(i).itemId(), hits.get(i).score());
    }
    long matching = result.matching() >= 0 ? result.matching() : snap.table().count(condition);
    return new SearchPage(
        r,
        condition,
        queryItem,
        rows(pageIds, scores, offset),
        hits.size() > offset + r.pageSize(),
        matching,
        snap.size(),
        result.mode(),
        result.vectorsScored(),
        result.elapsed(),
        warnings);
  }

  /**
   * The across-facet grid (MosAIc): for each value of a categorical facet among the items matching
   * the request's condition, the most similar item with that value. Values are taken largest first,
   * at most {@code maxValues}.
   *
   * @throws IllegalArgumentException if the field is not a categorical facet or there is no query
   */
  public List<AcrossRow> across(SearchRequest r, String field, int maxValues) {
    IndexSnapshot snap = indexes.snapshot();
    boolean categorical =
        snap.schema().field(field).map(f -> f.type() == FacetType.CATEGORICAL).orElse(false);
    if (!categorical) {
      throw new IllegalArgumentException(
          "'" + field + "' is not a categorical facet; choose one of " + categoricalFields(snap));
    }
    if (!r.hasQuery()) {
      throw new IllegalArgumentException("the across-facet view needs a query image");
    }
    Condition condition = Condition.parse(r.condition(), snap.schema()).normalize();
    Optional<ItemRecord> queryItem = r.item().map(this::activeItem);
    List<AcrossRow> out = new ArrayList<>();
    if (snap.index().isEmpty()) {
      return out;
    }
    float[] query = queryVector(r, queryItem, snap);
    long excluded = queryItem.isPresent() && r.region().isEmpty() ? queryItem.get().id() : -1;
    List<FacetCounts.Value> values =
        snap.table().counts(condition, maxValues).field(field).orElseThrow().values();
    Map<String, Hit> best = new LinkedHashMap<>();
    for (FacetCounts.Value v : values) {
      Condition cell = Condition.and(condition, Condition.term(field, v.value())).normalize();
      snap.index().get().search(query, cell, 2).hits().stream()
          .filter(h -> h.itemId() != excluded)
          .findFirst()
          .ifPresent(h -> best.put(v.value(), h));
    }
    Map<Long, ItemRecord> items =
        database.items().findAll(best.values().stream().map(Hit::itemId).toList());
    for (FacetCounts.Value v : values) {
      Hit h = best.get(v.value());
      Optional<ResultRow> row =
          h == null || !items.containsKey(h.itemId())
              ? Optional.empty()
              : Optional.of(new ResultRow(1, items.get(h.itemId()), OptionalDouble.of(h.score())));
      out.add(new AcrossRow(v.value(), v.count(), row));
    }
    return out;
  }

  /**
   * Coverage of collection {@code a} by collection {@code b}: the {@code n} items of A whose best
   * match in B is least similar (the paper's blind-spot experiment, for any two collections).
   *
   * @throws IllegalArgumentException if a collection is unknown or empty
   */
  public List<CoverageRow> coverage(String a, String b, int n) {
    IndexSnapshot snap = indexes.snapshot();
    if (snap.index().isEmpty()) {
      return List.of();
    }
    Condition inA = Condition.term("collection", a);
    Condition inB = Condition.term("collection", b);
    long[] ids = snap.table().matching(inA, 0, Integer.MAX_VALUE);
    if (ids.length == 0 || snap.table().count(inB) == 0) {
      throw new IllegalArgumentException(
          "both collections need searchable items: "
              + a
              + " has "
              + ids.length
              + ", "
              + b
              + " has "
              + snap.table().count(inB));
    }
    List<Long> idList = java.util.Arrays.stream(ids).boxed().toList();
    Map<Long, float[]> vectors =
        database.items().vectors(idList, snap.modelId(), snap.modelVersion());
    List<long[]> pairs = new ArrayList<>(); // {itemA, itemB}
    List<Double> scores = new ArrayList<>();
    for (var e : vectors.entrySet()) {
      List<Hit> hits = snap.index().get().search(e.getValue(), inB, 2).hits();
      for (Hit h : hits) {
        if (h.itemId() != e.getKey()) {
          pairs.add(new long[] {e.getKey(), h.itemId()});
          scores.add(h.score());
          break;
        }
      }
    }
    Integer[] order = new Integer[pairs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(scores::get));
    int shown = Math.min(n, order.length);
    Set<Long> need = new java.util.LinkedHashSet<>();
    for (int i = 0; i < shown; i++) {
      need.add(pairs.get(order[i])[0]);
      need.add(pairs.get(order[i])[1]);
    }
    Map<Long, ItemRecord> items = database.items().findAll(need);
    List<CoverageRow> out = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      long[] p = pairs.get(order[i]);
      if (items.containsKey(p[0]) && items.containsKey(p[1])) {
        out.add(new CoverageRow(i + 1, items.get(p[0]), items.get(p[1]), scores.get(order[i])));
      }
    }
    return out;
  }

  /** The categorical facet fields, in schema order. */
  public List<String> categoricalFields() {
    return categoricalFields(indexes.snapshot());
  }

  private static List<String> categoricalFields(IndexSnapshot snap) {
    return snap.schema().fields().stream()
        .filter(f -> f.type() == FacetType.CATEGORICAL)
        .map(FacetField::name)
        .toList();
  }

  /**
   * An active item.
   *
   * @throws NotFoundException if there is none with this id
   */
  public ItemRecord activeItem(long id) {
    ItemRecord r = records(List.of(id)).get(id);
    if (r == null || !r.active()) {
      throw new NotFoundException("no item " + id + " in the collections");
    }
    return r;
  }

  private float[] queryVector(SearchRequest r, Optional<ItemRecord> item, IndexSnapshot snap) {
    String key =
        r.item().map(id -> "item:" + id + ":" + item.get().contentHash()).orElse("")
            + r.upload().map(u -> "upload:" + u).orElse("")
            + r.region().map(g -> "@" + g).orElse("")
            + "#"
            + snap.modelId()
            + snap.modelVersion();
    Optional<float[]> cached = queryVectors.get(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    float[] v;
    if (item.isPresent() && r.region().isEmpty()) {
      v =
          database
              .items()
              .vector(item.get().id(), snap.modelId(), snap.modelVersion())
              .orElseThrow(
                  () -> new NotFoundException("item " + item.get().id() + " is not embedded yet"))
              .vector();
    } else {
      byte[] bytes =
          item.isPresent() ? images.original(item.get()) : uploads.read(r.upload().get());
      // the whole image as an import decodes it; a detail from the full-size image
      BufferedImage image =
          r.region().isPresent()
              ? r.region().get().crop(models.decode(bytes))
              : models.decodeForModel(bytes);
      v = models.embed(image).vector();
    }
    queryVectors.put(key, v);
    return v;
  }

  private List<ResultRow> rows(List<Long> ids, Map<Long, Double> scores, int offset) {
    Map<Long, ItemRecord> items = records(ids);
    List<ResultRow> rows = new ArrayList<>();
    int rank = offset;
    for (Long id : ids) {
      rank++;
      ItemRecord item = items.get(id);
      if (item != null) {
        Double s = scores.get(id);
        rows.add(
            new ResultRow(rank, item, s == null ? OptionalDouble.empty() : OptionalDouble.of(s)));
      }
    }
    return rows;
  }

  /**
   * Items by id from the cache, the missing ones read in one query; the cache is emptied when the
   * index snapshot changes (an import, edit or takedown changes the fingerprint).
   */
  private Map<Long, ItemRecord> records(List<Long> ids) {
    RecentCache<Long, ItemRecord> cache = itemCache(indexes.snapshot().fingerprint());
    Map<Long, ItemRecord> out = new java.util.HashMap<>();
    List<Long> missing = new ArrayList<>();
    for (Long id : ids) {
      Optional<ItemRecord> r = cache.get(id);
      if (r.isPresent()) {
        out.put(id, r.get());
      } else {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      Map<Long, ItemRecord> read = database.items().findAll(missing);
      out.putAll(read);
      cache.putAll(read); // into the generation they were read under, even if it is replaced
    }
    return out;
  }

  /** The item cache of a snapshot: a new, empty one when the fingerprint changed. */
  private RecentCache<Long, ItemRecord> itemCache(String fingerprint) {
    ItemGeneration g = items.get();
    while (!g.fingerprint().equals(fingerprint)) {
      ItemGeneration fresh = new ItemGeneration(fingerprint, new RecentCache<>(ITEM_CACHE));
      if (items.compareAndSet(g, fresh)) {
        return fresh.items();
      }
      g = items.get();
    }
    return g.items();
  }

  /** Warnings for condition values that no searchable item has (they match nothing). */
  private static List<String> unknownValues(Condition condition, IndexSnapshot snap) {
    Set<String> terms = new TreeSet<>();
    collectTerms(condition, terms);
    if (terms.isEmpty()) {
      return List.of();
    }
    Set<String> known = snap.knownValues();
    List<String> out = new ArrayList<>();
    for (String t : terms) {
      int colon = t.indexOf('\u0000');
      String field = t.substring(0, colon);
      String value = t.substring(colon + 1);
      boolean categorical =
          snap.schema()
              .field(field)
              .map(FacetField::type)
              .map(ty -> ty == FacetType.CATEGORICAL)
              .orElse(false);
      if (categorical && !known.contains(t)) {
        out.add("no item has " + field + " \u201c" + value + "\u201d; that test matches nothing");
      }
    }
    return out;
  }

  private static void collectTerms(Condition c, Set<String> out) {
    if (c instanceof Condition.Term t) {
      out.add(t.field() + '\u0000' + t.value());
    } else if (c instanceof Condition.And a) {
      a.children().forEach(x -> collectTerms(x, out));
    } else if (c instanceof Condition.Or o) {
      o.children().forEach(x -> collectTerms(x, out));
    } else if (c instanceof Condition.Not n) {
      collectTerms(n.child(), out);
    }
  }
}
