package dev.qrtl.power;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.InternalPower;
import dev.qrtl.liberty.Pin;

/**
 * The energy of a flip-flop's events, from its {@code internal_power} groups (Liberty Reference
 * Manual rules; groups whose {@code when} holds in the state at the event are summed, as for any
 * input pin, and averaged per output as for any output pin):
 *
 * <ul>
 *   <li>clock pin: on every rising edge ({@code rise_power}, state before the edge, the clock low)
 *       and every falling edge ({@code fall_power}, half a period later, the clock high), at the
 *       clock transition;
 *   <li>data pin: on every transition of D, glitches included ({@code rise_power} for a rising D),
 *       in the state at that moment (the clock high in the first half of the cycle, low after),
 *       at D's propagated transition;
 *   <li>outputs: when the stored bit changes at a clock edge, each output's groups related to the
 *       clock (Q's {@code rise_power} when Q rises, QN's {@code fall_power} as it falls), at the
 *       clock transition and the output net's load - connected or not, since the output stage
 *       switches either way.
 * </ul>
 *
 * States are indexed {@code data * 2 + stored}.
 */
final class FlopPricing {
  /** Clock rising edge, by state before it. */
  final double[] clockRise = new double[4];
  /** Clock falling edge, by state at mid-cycle. */
  final double[] clockFall = new double[4];
  /** A data transition: [rising][clock high][stored]. */
  final double[][][] data = new double[2][2][2];
  /** The stored bit changing to [new value]: every output's energy. */
  final double[] toggle = new double[2];

  FlopPricing(Elaboration e, Elaboration.Flop f) {
    Cell c = f.instance().cell();
    double clockSlew = e.conditions.inputSlewNs();
    for (int d = 0; d < 2; d++) {
      for (int q = 0; q < 2; q++) {
        clockRise[d * 2 + q] = inputPin(c, c.clockPin(), true, false, d == 1, q == 1, clockSlew);
        clockFall[d * 2 + q] = inputPin(c, c.clockPin(), false, true, d == 1, q == 1, clockSlew);
      }
    }
    for (int r = 0; r < 2; r++) {
      double slew = f.d() > 1 ? e.slewNs(f.d(), r == 1) : clockSlew;
      for (int ck = 0; ck < 2; ck++) {
        for (int q = 0; q < 2; q++) {
          data[r][ck][q] = inputPin(c, c.nextState(), r == 1, ck == 1, r == 1, q == 1, slew);
        }
      }
    }
    for (int nq = 0; nq < 2; nq++) {
      double sum = 0;
      for (Pin o : c.outputs()) {
        String fn = o.function() == null ? "" : o.function().replace(" ", "");
        boolean inverted = fn.equals("IQN") || fn.equals("!IQ");
        boolean rising = (nq == 1) != inverted;
        Integer net = f.instance().pins().get(o.name());
        double load = net == null || net <= 1 ? 0 : e.loadPf(net, rising);
        double groupSum = 0;
        int count = 0;
        for (InternalPower p : c.power()) {
          if (p.pin().equals(o.name()) && p.relatesTo(c.clockPin()) && WhenConditions.flop(c, p.when(), true, nq == 1, nq == 1)) {
            groupSum += p.energyPj(rising, clockSlew, load);
            count++;
          }
        }
        sum += count == 0 ? 0 : groupSum / count;
      }
      toggle[nq] = sum;
    }
  }

  /** The summed energy of an input pin's groups that hold in the state given, for one edge of that pin. */
  private static double inputPin(Cell c, String pin, boolean rising, boolean clock, boolean data, boolean stored, double slew) {
    double sum = 0;
    for (InternalPower p : c.power()) {
      if (p.pin().equals(pin) && WhenConditions.flop(c, p.when(), clock, data, stored)) {
        sum += p.energyPj(rising, slew, 0);
      }
    }
    return sum;
  }
}
