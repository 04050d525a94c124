package org.mnemosyne.runtime.render;

import java.util.Locale;
import java.util.Map;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.JointAttribution;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.explain.Side;

/**
 * The JSON form of an {@link Explanation}: every parameter, the cost, the values per segment and
 * the segment label maps (run-length encoded), enough to reproduce and to draw it.
 */
public final class ExplanationJson {
  private ExplanationJson() {}

  /** Serialises. */
  public static String write(Explanation e) {
    return write(e, Map.of());
  }

  /**
   * Serialises, with further top-level fields whose values are already JSON (e.g. quality measures
   * computed after the explanation).
   */
  public static String write(Explanation e, Map<String, String> extraJson) {
    StringBuilder sb = new StringBuilder(1024).append('{');
    field(sb, "explainer", e.explainer()).append(',');
    field(sb, "explainerVersion", e.explainerVersion()).append(',');
    field(sb, "similarity", e.similarityId()).append(',');
    field(sb, "parameters", e.parameters().canonical()).append(',');
    sb.append("\"batchSize\":").append(e.parameters().batchSize()).append(',');
    sb.append("\"baseValue\":").append(number(e.baseValue())).append(',');
    sb.append("\"fullValue\":").append(number(e.fullValue())).append(',');
    sb.append("\"evaluations\":").append(e.evaluations()).append(',');
    sb.append("\"wallTimeMillis\":").append(e.wallTime().toMillis()).append(',');
    sb.append("\"errorEstimate\":")
        .append(e.errorEstimate().isPresent() ? number(e.errorEstimate().getAsDouble()) : "null")
        .append(",\"maps\":{");
    boolean first = true;
    for (Map.Entry<Side, SegmentAttribution> m : e.maps().entrySet()) {
      sb.append(first ? "" : ",").append('"').append(m.getKey().name().toLowerCase(Locale.ROOT));
      sb.append("\":{\"values\":").append(array(m.getValue().values()));
      sb.append(",\"segments\":").append(segments(m.getValue().segments())).append('}');
      first = false;
    }
    sb.append("},\"joint\":");
    if (e.joint().isPresent()) {
      JointAttribution j = e.joint().get();
      sb.append("{\"interactions\":[");
      double[][] m = j.interactions();
      for (int i = 0; i < m.length; i++) {
        sb.append(i == 0 ? "" : ",").append(array(m[i]));
      }
      sb.append("],\"querySegments\":").append(segments(j.querySegments()));
      sb.append(",\"targetSegments\":").append(segments(j.targetSegments())).append('}');
    } else {
      sb.append("null");
    }
    for (Map.Entry<String, String> x : extraJson.entrySet()) {
      sb.append(",\"").append(x.getKey()).append("\":").append(x.getValue());
    }
    return sb.append('}').toString();
  }

  private static String segments(Segments s) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"width\":").append(s.width()).append(",\"height\":").append(s.height());
    sb.append(",\"count\":").append(s.count()).append(",\"labelsRle\":[");
    int[] labels = s.labels();
    boolean first = true;
    for (int i = 0; i < labels.length; ) {
      int j = i;
      while (j < labels.length && labels[j] == labels[i]) {
        j++;
      }
      sb.append(first ? "" : ",").append(labels[i]).append(',').append(j - i);
      first = false;
      i = j;
    }
    return sb.append("]}").toString();
  }

  private static String array(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(number(v[i]));
    }
    return sb.append(']').toString();
  }

  private static String number(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    sb.append('"').append(name).append("\":\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }
}
