package org.mnemosyne.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.db.catalog.ItemReader;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * The items of some collections as the database holds them: vectors and the {@code collection} and
 * {@code subject} facets from {@link DatabaseVectorSource} (what every index is built from), titles
 * from {@link ItemReader}. Only active items with a vector of the given model version.
 */
final class DatabaseSamples {
  private DatabaseSamples() {}

  /**
   * Reads the items of {@code collections} (by slug).
   *
   * @throws IllegalStateException if no vector of the model is stored
   */
  static List<SampleRecord> read(DataSource dataSource, ModelInfo model, List<String> collections) {
    Transactor tx = new Transactor(dataSource);
    DatabaseVectorSource source = new DatabaseVectorSource(tx, model.id(), model.version());
    List<IndexedItem> items = new ArrayList<>();
    source.scan(
        i -> {
          if (i.facets().values("collection").stream().anyMatch(collections::contains)) {
            items.add(i);
          }
        });
    Map<Long, ItemRecord> records =
        new ItemReader(tx).findAll(items.stream().map(IndexedItem::id).toList());
    List<SampleRecord> out = new ArrayList<>();
    for (IndexedItem i : items) {
      ItemRecord r = records.get(i.id());
      out.add(
          new SampleRecord(
              i.id(),
              i.facets().values("collection").get(0),
              i.vector(),
              i.facets().values("subject"),
              r == null ? "" : r.title()));
    }
    return out;
  }
}
