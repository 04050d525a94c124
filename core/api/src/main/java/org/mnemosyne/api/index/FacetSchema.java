package org.mnemosyne.api.index;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facets a collection exposes to conditions: which field names exist and their types. Immutable
 * and thread-safe. A condition naming a field that is not in the schema is an error.
 */
public final class FacetSchema {
  private final Map<String, FacetField> fields;

  private FacetSchema(Map<String, FacetField> fields) {
    this.fields = fields;
  }

  /**
   * Creates a schema.
   *
   * @throws IllegalArgumentException if two fields share a name
   */
  public static FacetSchema of(Collection<FacetField> fields) {
    Map<String, FacetField> byName = new LinkedHashMap<>();
    for (FacetField f : fields) {
      if (byName.putIfAbsent(f.name(), f) != null) {
        throw new IllegalArgumentException("duplicate facet field '" + f.name() + "'");
      }
    }
    return new FacetSchema(java.util.Collections.unmodifiableMap(byName));
  }

  /** Creates a schema from the given fields. */
  public static FacetSchema of(FacetField... fields) {
    return of(List.of(fields));
  }

  /** The field with that name, if any. */
  public Optional<FacetField> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** All fields, in declaration order. */
  public List<FacetField> fields() {
    return List.copyOf(fields.values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FacetSchema other && other.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "FacetSchema" + fields.values();
  }
}
