package org.mnemosyne.importers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.RecordSink;

/** Keeps what an importer reports, in order. */
public class CollectingSink implements RecordSink {
  /** Accepted records with where they were read. */
  public final Map<String, ImportRecord> byWhere = new LinkedHashMap<>();

  /** Accepted records in order. */
  public final List<ImportRecord> records = new ArrayList<>();

  /** Rejections as "where: reason". */
  public final List<String> rejections = new ArrayList<>();

  @Override
  public void accept(ImportRecord record) {
    records.add(record);
  }

  @Override
  public void accept(String where, ImportRecord record) {
    byWhere.put(where, record);
    records.add(record);
  }

  @Override
  public void reject(String where, String reason) {
    rejections.add(where + ": " + reason);
  }

  /** The record with that source id. */
  public ImportRecord record(String id) {
    return records.stream().filter(r -> r.sourceId().equals(id)).findFirst().orElseThrow();
  }
}
