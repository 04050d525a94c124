package org.mnemosyne.importers.iiif;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to a parsed IIIF JSON object, for both Presentation versions: {@code id}/{@code
 * @id}, {@code type}/{@code @type}, and members that may be one object or an array.
 *
 * @param map the JSON object
 */
record IiifNode(Map<String, Object> map) {

  /** Wraps a value if it is a JSON object. */
  @SuppressWarnings("unchecked")
  static Optional<IiifNode> of(Object value) {
    return value instanceof Map<?, ?> m
        ? Optional.of(new IiifNode((Map<String, Object>) m))
        : Optional.empty();
  }

  /** The node's id (v3 {@code id}, v2 {@code @id}). */
  Optional<String> id() {
    return string("id").or(() -> string("@id"));
  }

  /** The node's type without a prefix: {@code Manifest}, {@code Collection}, {@code Image}... */
  String type() {
    String t = string("type").or(() -> string("@type")).orElse("");
    int colon = t.indexOf(':');
    return colon >= 0 ? t.substring(colon + 1) : t;
  }

  /** Whether this is a Presentation 3 resource (it has {@code type} and no {@code @type}). */
  boolean isVersion3() {
    return map.containsKey("type") && !map.containsKey("@type");
  }

  /** A member that is a string. */
  Optional<String> string(String key) {
    return map.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /** A raw member. */
  Object get(String key) {
    return map.get(key);
  }

  /** The objects of a member that is one object or an array of them. */
  List<IiifNode> nodes(String key) {
    Object v = map.get(key);
    if (v instanceof List<?> list) {
      return list.stream().flatMap(o -> of(o).stream()).toList();
    }
    return of(v).map(List::of).orElse(List.of());
  }

  /** The first object of a member. */
  Optional<IiifNode> first(String key) {
    List<IiifNode> n = nodes(key);
    return n.isEmpty() ? Optional.empty() : Optional.of(n.get(0));
  }

  /** A member that is a URI: a string, an object with an id, or the first of an array of those. */
  Optional<String> link(String key) {
    Object v = map.get(key);
    if (v instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s && !s.isBlank()) {
          return Optional.of(s);
        }
        Optional<String> id = of(o).flatMap(IiifNode::id);
        if (id.isPresent()) {
          return id;
        }
      }
      return Optional.empty();
    }
    return of(v).flatMap(IiifNode::id);
  }
}
