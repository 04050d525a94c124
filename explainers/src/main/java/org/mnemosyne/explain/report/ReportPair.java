package org.mnemosyne.explain.report;

import java.util.Objects;
import java.util.Optional;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.explain.metrics.ObjectMask;

/**
 * One image pair of the report, at the model's input size, with the ground-truth objects where
 * known (cut-outs); the projection metric needs both.
 *
 * @param label a short name for progress and the table's notes
 * @param query the query image
 * @param target the target image
 * @param queryObject the query's object, if known
 * @param targetObject the target's object, if known
 */
public record ReportPair(
    String label,
    RgbImage query,
    RgbImage target,
    Optional<ObjectMask> queryObject,
    Optional<ObjectMask> targetObject) {

  /** Validates: each mask has its image's size. */
  public ReportPair {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(queryObject, "queryObject");
    Objects.requireNonNull(targetObject, "targetObject");
    queryObject.ifPresent(m -> checkSize(m, query, "query"));
    targetObject.ifPresent(m -> checkSize(m, target, "target"));
  }

  /** A pair of cut-outs whose objects are their non-white pixels. */
  public static ReportPair ofCutouts(String label, RgbImage query, RgbImage target) {
    return new ReportPair(
        label,
        query,
        target,
        Optional.of(ObjectMask.nonWhite(query, ObjectMask.DEFAULT_WHITE_LEVEL)),
        Optional.of(ObjectMask.nonWhite(target, ObjectMask.DEFAULT_WHITE_LEVEL)));
  }

  /** Whether both objects are known. */
  public boolean hasObjects() {
    return queryObject.isPresent() && targetObject.isPresent();
  }

  private static void checkSize(ObjectMask m, RgbImage image, String side) {
    if (m.width() != image.width() || m.height() != image.height()) {
      throw new IllegalArgumentException("the " + side + " mask differs in size from its image");
    }
  }
}
