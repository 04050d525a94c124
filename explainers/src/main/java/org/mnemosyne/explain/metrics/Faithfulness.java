package org.mnemosyne.explain.metrics;

import java.util.EnumSet;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.explain.ExplainerOptions;
import org.mnemosyne.explain.ExplanationSetup;
import org.mnemosyne.explain.game.SimilarityGame;

/**
 * How faithful a first-order map is to the similarity it explains: the deletion and insertion
 * curves ({@link DeletionInsertion}) of the map on one side, with that side's regions censored as
 * the explanation censored them and the other image kept whole. The map is first averaged onto the
 * game's segments, so a map on any segmentation can be scored on any other. Costs at most {@code 2
 * (steps + 1)} model evaluations.
 */
public final class Faithfulness {
  private Faithfulness() {}

  /**
   * The curves of one side's map.
   *
   * @param pair the images and similarity (its parameters are ignored)
   * @param side the side the map belongs to
   * @param map the map
   * @param segmentation the regions the curve removes or keeps
   * @param censor how a removed region is hidden
   * @param steps curve points minus one (e.g. 10)
   */
  public static DeletionInsertion.Curves of(
      ExplanationRequest pair,
      Side side,
      SegmentAttribution map,
      Segmentation segmentation,
      Censor censor,
      int steps) {
    ExplanationParameters p =
        ExplanationParameters.defaults()
            .withSides(EnumSet.of(side))
            .withSegmentation(segmentation)
            .withCensor(censor)
            .withBudget(2 * (steps + 1));
    SimilarityGame game =
        ExplanationSetup.prepare(
                "faithfulness",
                ExplanationRequest.builder(pair.query(), pair.target(), pair.similarity())
                    .parameters(p)
                    .cancellation(pair.cancellation())
                    .build(),
                ExplainerOptions.none())
            .game();
    double[] scores = SegmentAverages.of(map, game.image(side).segments());
    return DeletionInsertion.of(game.side(side), scores, steps);
  }
}
