package dev.qrtl.compare;

import dev.qrtl.results.ParetoPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.results.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fronts: a point is on one exactly when no other point is at most as costly and as wrong, and better in one. */
class ParetoFrontTest {
  private static ParetoPoint p(String name, double area, double energy, double rms) {
    return new ParetoPoint(name, null, "synthesis", area, energy, rms, new Interval(rms, rms), rms, false, false);
  }

  @Test
  void marksTheNonDominatedPointsOfEachCost() {
    List<ParetoPoint> in = List.of(
        p("cheap-bad", 10, 1, 10), // cheapest in both: on both fronts
        p("mid", 20, 5, 1), // on the energy front; in area area-only beats it
        p("mid-worse", 30, 6, 2), // dominated by mid in both
        p("exact", 100, 50, 0.5), // most accurate: on both
        p("area-only", 15, 60, 0.9), // on the area front only (exact beats it in energy)
        p("tie", 20, 5, 1)); // equal to mid: neither dominates the other, so it shares mid's fate
    List<ParetoPoint> out = ParetoStudy.fronts(in);
    assertEquals(List.of(true, true, false, true, false, true), out.stream().map(ParetoPoint::energyFront).toList());
    assertEquals(List.of(true, false, false, true, true, false), out.stream().map(ParetoPoint::areaFront).toList());
  }

  @Test
  void anErrorGainWithinTheIntervalDoesNotBuyAPlaceOnTheFront() {
    ParetoPoint cheap = new ParetoPoint("cheap", 12, "synthesis", 100, 1, 0.2806, new Interval(0.2804, 0.2808), 0.29, false, false);
    ParetoPoint costly = new ParetoPoint("costly", 13, "synthesis", 110, 1.1, 0.2805, new Interval(0.2803, 0.2807), 0.29, false, false);
    ParetoPoint exact = new ParetoPoint("exact", 31, "synthesis", 300, 3, 0.2700, new Interval(0.2699, 0.2701), 0.28, false, false);
    List<ParetoPoint> out = ParetoStudy.fronts(List.of(cheap, costly, exact));
    assertEquals(List.of(true, false, true), out.stream().map(ParetoPoint::energyFront).toList(),
        "costly is 0.0001 LSB better, inside its own interval: cheap beats it; exact is better beyond it");
  }
}
