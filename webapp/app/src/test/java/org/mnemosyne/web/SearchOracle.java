package org.mnemosyne.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * Brute-force conditional k-NN over the test database, computed beside the server: the reference
 * every answer of the portal's index must equal.
 */
final class SearchOracle {
  /** One reference hit. */
  record Ranked(long id, double score) {}

  private final List<IndexedItem> items = new ArrayList<>();
  private final DatabaseVectorSource source;

  SearchOracle() {
    ModelInfo info = LocalModel.model().info();
    source =
        new DatabaseVectorSource(
            new Transactor(EmbeddedDatabaseExtension.dataSource()), info.id(), info.version());
    source.scan(items::add);
  }

  int size() {
    return items.size();
  }

  List<IndexedItem> items() {
    return items;
  }

  IndexedItem item(long id) {
    return items.stream().filter(i -> i.id() == id).findFirst().orElseThrow();
  }

  /** The k best items for the query item's vector under the condition, the query left out. */
  List<Ranked> nearest(long queryId, String condition, int k) {
    float[] q = item(queryId).vector();
    Condition c = Condition.parse(condition, source.schema());
    List<Ranked> all = new ArrayList<>();
    for (IndexedItem it : items) {
      if (it.id() != queryId && c.test(it.facets())) {
        double dot = 0;
        for (int i = 0; i < q.length; i++) {
          dot += (double) q[i] * it.vector()[i];
        }
        all.add(new Ranked(it.id(), dot));
      }
    }
    all.sort(Comparator.comparingDouble(Ranked::score).reversed());
    return all.subList(0, Math.min(k, all.size()));
  }

  long count(String condition) {
    Condition c = Condition.parse(condition, source.schema());
    return items.stream().filter(i -> c.test(i.facets())).count();
  }
}
