package dev.qrtl.power;

/**
 * Zero-delay simulation of any netlist, flip-flops included, on up to 64 stretches of operations
 * at once: bit {@code i} of every net's word is its value in lane {@code i}, each lane an
 * independent copy of the design with its own registers. The lanes advance in lock-step, one
 * record per {@link #step}: a lane's flip-flops load on its own clock edges (a lane mask), its
 * inputs are its own record's, and its toggles are counted against its own previous step (for the
 * lanes of a count mask), into a {@link LibertyEnergyModel} as the event simulator reports them:
 * gate events by cause and input row ({@link ToggleCounts}), input and register-output toggles,
 * and each flip-flop's clock, data and output events by the state it is in
 * ({@link LibertyEnergyModel}'s rules at zero delay, where every data change falls in the clock's
 * high half). Which records a lane plays, and how its registers reach the state they would have
 * in one long run, is the caller's (see the energy estimator).
 */
public final class BitParallelStretches {
  private final Elaboration e;
  private final long[] word;
  private final long[] previous;
  /** Per flip-flop, the stored bit in each lane. */
  private final long[] stored;
  private LibertyEnergyModel model;
  private final GateArrays arrays;

  /** Every lane at reset (registers 0, inputs 0, the logic settled); counted into {@code model} if it is given. */
  public BitParallelStretches(Elaboration e, LibertyEnergyModel model) {
    this.e = e;
    this.model = model;
    this.arrays = new GateArrays(e);
    int n = e.netCount();
    this.word = new long[n];
    this.previous = new long[n];
    this.stored = new long[e.flops.length];
    word[1] = -1L;
    for (Elaboration.Flop f : e.flops) {
      if (f.qn() > 1) {
        word[f.qn()] = -1L; // a flip-flop starts storing 0, so its inverted output starts at 1
      }
    }
    evaluateGates();
    System.arraycopy(word, 0, previous, 0, n);
  }

  /**
   * One record in every lane: the clock edge in lanes {@code edge} (their flip-flops load D), the
   * inputs as set since the last step take effect, the logic settles; toggles and register events
   * of lanes {@code count} are counted.
   */
  public void step(long edge, long count) {
    // previous holds the settled words of the last step; inputs set since then are already in word
    for (int i = 0; i < stored.length; i++) {
      Elaboration.Flop f = e.flops[i];
      long d = previous[f.d()];
      long s = stored[i];
      long counted = edge & count;
      if (model != null && counted != 0) {
        int base = LibertyEnergyModel.FLOP_EVENTS * i;
        model.flopCount[base] += Long.bitCount(counted & ~d & ~s);
        model.flopCount[base + 1] += Long.bitCount(counted & ~d & s);
        model.flopCount[base + 2] += Long.bitCount(counted & d & ~s);
        model.flopCount[base + 3] += Long.bitCount(counted & d & s);
        model.flopCount[base + 16] += Long.bitCount(counted & ~d & s);
        model.flopCount[base + 17] += Long.bitCount(counted & d & ~s);
      }
      long next = (d & edge) | (s & ~edge);
      stored[i] = next;
      if (f.q() > 1) {
        word[f.q()] = next;
      }
      if (f.qn() > 1) {
        word[f.qn()] = ~next;
      }
    }
    evaluateGates();
    if (model != null && count != 0) {
      count(edge, count);
    }
    System.arraycopy(word, 0, previous, 0, word.length);
  }

  private void count(long edge, long count) {
    long counted = edge & count;
    model.evaluations += Long.bitCount(count);
    model.clocks += Long.bitCount(counted);
    model.clockFalls += Long.bitCount(counted);
    for (int net : e.sourceNets) {
      long t = (word[net] ^ previous[net]) & count;
      if (t != 0) {
        ToggleCounts.source(model, net, t, word[net]);
        dataPins(net, t);
      }
    }
    Elaboration.Gate[] gates = e.gates;
    for (int g = 0; g < gates.length; g++) {
      int out = gates[g].output();
      long t = (word[out] ^ previous[out]) & count;
      if (t != 0) {
        ToggleCounts.gate(model, g, gates[g], t, word, previous);
        dataPins(out, t);
      }
    }
    if (counted != 0) {
      for (int i = 0; i < stored.length; i++) { // the clock's falling edge, by the data at mid-cycle and the stored bit
        long d = word[e.flops[i].d()];
        long s = stored[i];
        int base = LibertyEnergyModel.FLOP_EVENTS * i + 4;
        model.flopCount[base] += Long.bitCount(counted & ~d & ~s);
        model.flopCount[base + 1] += Long.bitCount(counted & ~d & s);
        model.flopCount[base + 2] += Long.bitCount(counted & d & ~s);
        model.flopCount[base + 3] += Long.bitCount(counted & d & s);
      }
    }
  }

  /** Data-pin events of the flip-flops {@code net} feeds: by edge and stored bit, the clock high (zero delay: all at time 0). */
  private void dataPins(int net, long t) {
    int[] readers = model.flopsReading[net];
    if (readers == null) {
      return;
    }
    long rising = t & word[net];
    long falling = t & ~word[net];
    for (int f : readers) {
      long s = stored[f];
      int base = LibertyEnergyModel.FLOP_EVENTS * f + 8;
      model.flopCount[base + 2] += Long.bitCount(falling & ~s);
      model.flopCount[base + 3] += Long.bitCount(falling & s);
      model.flopCount[base + 6] += Long.bitCount(rising & ~s);
      model.flopCount[base + 7] += Long.bitCount(rising & s);
    }
  }

  /** From now on, counts into {@code m} (a model of the same elaboration), or nowhere if it is null. */
  public BitParallelStretches countingInto(LibertyEnergyModel m) {
    this.model = m;
    return this;
  }

  /**
   * Puts the lanes of {@code mask} back at reset (registers and inputs 0, as a new simulation
   * starts) and settles the logic; call it between steps. Nothing is counted.
   */
  public void reset(long mask) {
    for (int[] bits : e.flat.inputs().values()) {
      for (int b : bits) {
        if (b > 1) {
          word[b] &= ~mask;
        }
      }
    }
    for (int i = 0; i < stored.length; i++) {
      Elaboration.Flop f = e.flops[i];
      stored[i] &= ~mask;
      if (f.q() > 1) {
        word[f.q()] &= ~mask;
      }
      if (f.qn() > 1) {
        word[f.qn()] |= mask;
      }
    }
    evaluateGates();
    System.arraycopy(word, 0, previous, 0, word.length);
  }

  /** Sets input {@code port} in lane {@code lane} from {@code words} (least significant word first) at {@code offset}. */
  public void set(String port, int lane, long[] words, int offset) {
    LaneWords.set(e, word, port, lane, words, offset);
  }


  /** Whether output {@code port} in lane {@code lane} equals {@code words} at {@code offset}. */
  public boolean outputEquals(String port, int lane, long[] words, int offset) {
    return LaneWords.outputEquals(e, word, port, lane, words, offset);
  }


  /** Whether lane {@code a}'s registers store what lane {@code b}'s do. */
  public boolean sameRegisters(int a, int b) {
    for (long s : stored) {
      if (((s >>> a) & 1) != ((s >>> b) & 1)) {
        return false;
      }
    }
    return true;
  }

  /** Lane {@code lane}'s registers, one bit per flip-flop (for comparing a lane's state across steps). */
  public long[] registers(int lane) {
    long[] out = new long[(stored.length + 63) >>> 6];
    for (int i = 0; i < stored.length; i++) {
      out[i >>> 6] |= ((stored[i] >>> lane) & 1) << (i & 63);
    }
    return out;
  }

  private void evaluateGates() {
    BitParallelZeroDelay.evaluate(arrays, word);
  }
}
