package org.mnemosyne.db.ingest;

import java.util.Objects;
import java.util.Optional;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.db.catalog.Slug;

/**
 * What to import where: an institution and a collection (created on first use), a source and how to
 * treat records that disappeared from it. Immutable; build with {@link #builder}.
 *
 * @param institution the institution's slug
 * @param institutionName its display name when it is created
 * @param collection the collection's slug
 * @param collectionName its display name when it is created
 * @param source where the records are, with importer options (e.g. {@code mapping})
 * @param importer the importer by name, or empty to pick the one that accepts the source
 * @param withdrawMissing withdraw the collection's items that the source no longer has
 * @param restart start a new job even if an unfinished one for the same source could be resumed
 * @param batchSize records per batch (one transaction each), positive
 */
public record ImportRequest(
    Slug institution,
    String institutionName,
    Slug collection,
    String collectionName,
    ImportSource source,
    Optional<String> importer,
    boolean withdrawMissing,
    boolean restart,
    int batchSize) {

  /** Default records per batch. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  /** Validates. */
  public ImportRequest {
    Objects.requireNonNull(institution, "institution");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(importer, "importer");
    if (batchSize <= 0 || batchSize > 4096) {
      throw new IllegalArgumentException("batch size must be within 1..4096, not " + batchSize);
    }
  }

  /** Starts a request for a collection of an institution. */
  public static Builder builder(Slug institution, Slug collection, ImportSource source) {
    return new Builder(institution, collection, source);
  }

  /** Builds an {@link ImportRequest}. */
  public static final class Builder {
    private final Slug institution;
    private final Slug collection;
    private final ImportSource source;
    private String institutionName;
    private String collectionName;
    private Optional<String> importer = Optional.empty();
    private boolean withdrawMissing;
    private boolean restart;
    private int batchSize = DEFAULT_BATCH_SIZE;

    private Builder(Slug institution, Slug collection, ImportSource source) {
      this.institution = institution;
      this.collection = collection;
      this.source = source;
    }

    /** Display name of the institution when it is created. */
    public Builder institutionName(String name) {
      this.institutionName = name;
      return this;
    }

    /** Display name of the collection when it is created. */
    public Builder collectionName(String name) {
      this.collectionName = name;
      return this;
    }

    /** The importer by name. */
    public Builder importer(String name) {
      this.importer = Optional.ofNullable(name);
      return this;
    }

    /** Withdraw items the source no longer has. */
    public Builder withdrawMissing(boolean withdraw) {
      this.withdrawMissing = withdraw;
      return this;
    }

    /** Never resume an unfinished job; start a new one. */
    public Builder restart(boolean restart) {
      this.restart = restart;
      return this;
    }

    /** Records per batch. */
    public Builder batchSize(int size) {
      this.batchSize = size;
      return this;
    }

    /** The request. */
    public ImportRequest build() {
      return new ImportRequest(
          institution,
          institutionName,
          collection,
          collectionName,
          source,
          importer,
          withdrawMissing,
          restart,
          batchSize);
    }
  }
}
