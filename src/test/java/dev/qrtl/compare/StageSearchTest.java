package dev.qrtl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The common clock's stage search: from a combinational unit it jumps to the lower bound an even
 * split of the path gives, then adds one stage at a time, never beyond the cap.
 */
class StageSearchTest {
  @Test
  void aCombinationalUnitJumpsToTheEvenSplitOfItsPath() {
    assertEquals(4, Comparison.nextStages(0, 4.6, 1.0), "a 4.6 ns path needs 5 pieces of 1 ns: 4 registers at least");
    assertEquals(1, Comparison.nextStages(0, 1.2, 1.0), "just over the period: one stage");
    assertEquals(1, Comparison.nextStages(0, 1.0000001, 1.0), "at least one more stage whatever the bound says");
  }

  @Test
  void aPipelinedUnitGetsOneMoreStageAtATime() {
    assertEquals(5, Comparison.nextStages(4, 1.11, 1.0), "its worst stage says nothing about the total");
    assertEquals(3, Comparison.nextStages(2, 9.0, 1.0));
  }

  @Test
  void theSearchStopsAtTheCap() {
    assertEquals(Comparison.MAX_STAGES, Comparison.nextStages(0, 40.0, 1.0));
    assertEquals(Comparison.MAX_STAGES, Comparison.nextStages(Comparison.MAX_STAGES - 1, 2.0, 1.0));
  }
}
