package dev.qrtl.power;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibraryReader;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.testing.HandNetlist;
import dev.qrtl.testing.TechFiles;
import org.junit.jupiter.api.Test;

/**
 * Flip-flops start storing 0, read through either output. A simulator that started QN at 0 as
 * well (Q and QN both 0) ran a netlist that reads its state through QN from a state no flip-flop
 * can hold: a divide-by-two counter read through QN counted from the wrong phase.
 */
class FlopStartStateTest {
  @Test
  void aToggleFlipFlopReadThroughQnStartsAtZero() {
    Library lib = LibraryReader.read(TechFiles.nangate45());
    // D = QN: a divide-by-two counter, its state on q
    YosysNetlist net = new HandNetlist("top", lib).input("clk").output("q").output("qn")
        .cell("u", "DFF_X1", "D", "qn", "CK", "clk", "Q", "q", "QN", "qn").build();
    for (GateSimulator.Timing t : GateSimulator.Timing.values()) {
      GateSimulator g = new GateSimulator(net, "top", lib, t);
      g.eval();
      assertEquals(0, g.get("q"), t + ": stored 0 at the start");
      assertEquals(1, g.get("qn"), t + ": QN is the complement of the stored 0");
      for (int edge = 1; edge <= 6; edge++) {
        g.clock();
        assertEquals(edge & 1, g.get("q"), t + ": q after edge " + edge);
        assertEquals(1 - (edge & 1), g.get("qn"), t + ": qn after edge " + edge);
      }
    }
  }
}
