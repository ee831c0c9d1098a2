package dev.qrtl.eval;

import dev.qrtl.core.Expr;
import dev.qrtl.core.ExprWalk;
import dev.qrtl.core.HdlException;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Instance;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Module;
import dev.qrtl.core.Register;
import dev.qrtl.core.Signal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a module: {@link #poke} inputs, {@link #peek} outputs (combinational logic settles on
 * demand), {@link #step} for a rising clock edge. Registers start at zero, as in Verilator
 * (the Verilog itself promises nothing before a reset): tests reset or flush a design first.
 */
public final class IrSimulator {
  /** One combinationally driven slot and the function computing it. */
  private record CombNode(int slot, Fn fn, LongFn fast, int[] reads) {}

  private record RegNode(int slot, Fn next, Fn enable, LongFn fastNext, LongFn fastEnable, BigInteger resetValue, int resetSlot) {}

  private final Module top;
  private final List<BigInteger> initial = new ArrayList<>();
  private final List<HwType> slotTypes = new ArrayList<>();
  private final Map<String, Integer> topPorts = new LinkedHashMap<>();
  private final List<CombNode> pendingComb = new ArrayList<>();
  private final List<RegNode> regs = new ArrayList<>();
  private final CombNode[] comb;
  private final BigInteger[] values;
  /** The fast path: every slot and node fits a long ({@link LongCompiler}); then {@link #fastValues} hold the state. */
  private boolean fast;
  private final long[] fastValues;
  private boolean dirty = true;
  private long cycle;

  public IrSimulator(Module top) {
    this(top, true);
  }

  /** With {@code fastPath} false the simulator stays on BigIntegers whatever the widths (the reference the fast path is tested against). */
  IrSimulator(Module top, boolean fastPath) {
    this.top = top;
    this.fast = fastPath;
    Map<Signal, Integer> topSlots = flatten(top, new IdentityHashMap<>());
    for (Signal p : top.ports()) {
      topPorts.put(p.name(), topSlots.get(p));
    }
    this.comb = order(pendingComb, initial.size());
    this.values = initial.toArray(new BigInteger[0]);
    this.fastValues = new long[fast ? values.length : 0];
  }

  /** Whether this simulator runs on longs (every value of the design fits one). */
  boolean fast() {
    return fast;
  }

  /** Sets a top-level input to an exact value of its type. */
  public IrSimulator poke(String input, BigInteger value) {
    int slot = portSlot(input);
    HwType t = slotTypes.get(slot);
    if (!t.fits(value)) {
      throw new HdlException("value " + value + " does not fit input '" + input + "' of type " + t);
    }
    if (fast) {
      fastValues[slot] = value.longValueExact();
    } else {
      values[slot] = value;
    }
    dirty = true;
    return this;
  }

  public IrSimulator poke(String input, long value) {
    return poke(input, BigInteger.valueOf(value));
  }

  /** The settled value of a top-level port. */
  public BigInteger peek(String port) {
    settle();
    return fast ? BigInteger.valueOf(fastValues[portSlot(port)]) : values[portSlot(port)];
  }

  public long peekLong(String port) {
    if (fast) {
      settle();
      return fastValues[portSlot(port)];
    }
    return peek(port).longValueExact();
  }

  /** One rising clock edge: every register loads its next value at once, then logic settles. */
  public IrSimulator step() {
    settle();
    if (fast) {
      return stepFast();
    }
    BigInteger[] next = new BigInteger[regs.size()];
    for (int i = 0; i < next.length; i++) {
      RegNode r = regs.get(i);
      if (r.resetValue() != null && values[r.resetSlot()].signum() != 0) {
        next[i] = r.resetValue();
      } else if (r.enable() == null || r.enable().eval(values).signum() != 0) {
        next[i] = r.next().eval(values);
      } else {
        next[i] = values[r.slot()];
      }
    }
    for (int i = 0; i < next.length; i++) {
      values[regs.get(i).slot()] = next[i];
    }
    dirty = true;
    cycle++;
    return this;
  }

  public long cycle() {
    return cycle;
  }

  public Module module() {
    return top;
  }

  private IrSimulator stepFast() {
    long[] next = new long[regs.size()];
    for (int i = 0; i < next.length; i++) {
      RegNode r = regs.get(i);
      if (r.resetValue() != null && fastValues[r.resetSlot()] != 0) {
        next[i] = r.resetValue().longValueExact();
      } else if (r.fastEnable() == null || r.fastEnable().eval(fastValues) != 0) {
        next[i] = r.fastNext().eval(fastValues);
      } else {
        next[i] = fastValues[r.slot()];
      }
    }
    for (int i = 0; i < next.length; i++) {
      fastValues[regs.get(i).slot()] = next[i];
    }
    dirty = true;
    cycle++;
    return this;
  }

  private void settle() {
    if (!dirty) {
      return;
    }
    if (fast) {
      for (CombNode n : comb) {
        fastValues[n.slot()] = n.fast().eval(fastValues);
      }
    } else {
      for (CombNode n : comb) {
        values[n.slot()] = n.fn().eval(values);
      }
    }
    dirty = false;
  }

  /** {@code e} on the fast path, or null (and the fast path off) where a node is too wide for it. */
  private LongFn fastOf(LongCompiler c, Expr e) {
    if (!fast) {
      return null;
    }
    try {
      return c.compile(e);
    } catch (LongCompiler.TooWide w) {
      fast = false;
      return null;
    }
  }

  private int portSlot(String port) {
    Integer slot = topPorts.get(port);
    if (slot == null) {
      throw new HdlException("module '" + top.name() + "' has no port '" + port + "'; its ports are "
          + topPorts.keySet());
    }
    return slot;
  }

  private int newSlot(HwType t, BigInteger init) {
    if (!LongCompiler.fits(t)) {
      fast = false;
    }
    initial.add(init);
    slotTypes.add(t);
    return initial.size() - 1;
  }

  /**
   * Gives every signal of {@code m} (one instance of it) a slot and queues its logic.
   * {@code inputSlots} maps the instance's input ports to slots the parent drives (null at top).
   */
  private Map<Signal, Integer> flatten(Module m, Map<Signal, Integer> inputSlots) {
    Map<Signal, Integer> slots = new IdentityHashMap<>();
    for (Signal p : m.ports()) {
      Integer given = inputSlots.get(p);
      slots.put(p, given != null ? given : newSlot(p.type(), BigInteger.ZERO));
    }
    for (Signal w : m.wires()) {
      slots.put(w, newSlot(w.type(), BigInteger.ZERO));
    }
    for (Register r : m.registers()) {
      slots.put(r.q(), newSlot(r.q().type(), BigInteger.ZERO)); // like Verilator: zero until reset
    }
    for (Instance inst : m.instances()) {
      for (Signal o : inst.outputs().values()) {
        slots.put(o, newSlot(o.type(), BigInteger.ZERO));
      }
    }
    Map<Expr, Integer> shared = sharedNodes(m, slots);
    ExprCompiler compiler = new ExprCompiler(slots::get, shared);
    LongCompiler fastCompiler = new LongCompiler(slots::get, shared);
    for (Map.Entry<Expr, Integer> s : shared.entrySet()) {
      queue(s.getValue(), compiler.compile(s.getKey()), fastOf(fastCompiler, s.getKey()), s.getKey(), slots, shared);
    }
    for (Map.Entry<Signal, Expr> d : m.drivers().entrySet()) {
      queue(slots.get(d.getKey()), compiler.compile(d.getValue()), fastOf(fastCompiler, d.getValue()), d.getValue(), slots, shared);
    }
    Integer resetSlot = m.reset().map(slots::get).orElse(-1);
    for (Register r : m.registers()) {
      regs.add(new RegNode(
          slots.get(r.q()),
          compiler.compile(r.next()),
          r.enable().map(compiler::compile).orElse(null),
          fastOf(fastCompiler, r.next()),
          r.enable().map(e -> fastOf(fastCompiler, e)).orElse(null),
          r.resetValue().orElse(null),
          resetSlot));
    }
    for (Instance inst : m.instances()) {
      Module child = inst.module();
      Map<Signal, Integer> childInputs = new IdentityHashMap<>();
      child.clock().ifPresent(c -> childInputs.put(c, slots.get(m.clock().orElseThrow())));
      child.reset().ifPresent(r -> childInputs.put(r, slots.get(m.reset().orElseThrow())));
      for (Map.Entry<String, Expr> in : inst.inputs().entrySet()) {
        Signal port = child.port(in.getKey());
        int slot = newSlot(port.type(), BigInteger.ZERO);
        queue(slot, compiler.compile(in.getValue()), fastOf(fastCompiler, in.getValue()), in.getValue(), slots, shared);
        childInputs.put(port, slot);
      }
      Map<Signal, Integer> childSlots = flatten(child, childInputs);
      for (Map.Entry<String, Signal> out : inst.outputs().entrySet()) {
        int from = childSlots.get(child.port(out.getKey()));
        pendingComb.add(new CombNode(slots.get(out.getValue()), v -> v[from], v -> v[from], new int[] {from}));
      }
    }
    return slots;
  }

  private void queue(int slot, Fn fn, LongFn fastFn, Expr e, Map<Signal, Integer> slots, Map<Expr, Integer> shared) {
    List<Integer> reads = new ArrayList<>();
    // The slots this node reads: signals and shared nodes directly below it.
    Deque<Expr> stack = new ArrayDeque<>(ExprWalk.children(e));
    if (e instanceof Signal s) {
      reads.add(slots.get(s));
    }
    java.util.Set<Expr> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    while (!stack.isEmpty()) {
      Expr c = stack.pop();
      if (!seen.add(c)) {
        continue;
      }
      Integer sh = shared.get(c);
      if (sh != null) {
        reads.add(sh);
      } else if (c instanceof Signal s) {
        reads.add(slots.get(s));
      } else {
        stack.addAll(ExprWalk.children(c));
      }
    }
    pendingComb.add(new CombNode(slot, fn, fastFn, reads.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Operation nodes used more than once get a slot, so evaluation stays linear in DAG size. */
  private Map<Expr, Integer> sharedNodes(Module m, Map<Signal, Integer> slots) {
    Map<Expr, Integer> uses = new IdentityHashMap<>();
    List<Expr> roots = new ArrayList<>(m.drivers().values());
    for (Register r : m.registers()) {
      roots.add(r.next());
      r.enable().ifPresent(roots::add);
    }
    for (Instance inst : m.instances()) {
      roots.addAll(inst.inputs().values());
    }
    Deque<Expr> stack = new ArrayDeque<>(roots);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (e instanceof Signal || e instanceof Lit) {
        continue;
      }
      int n = uses.merge(e, 1, Integer::sum);
      if (n == 1) {
        stack.addAll(ExprWalk.children(e));
      }
    }
    Map<Expr, Integer> sharedIdentity = new IdentityHashMap<>();
    for (Map.Entry<Expr, Integer> u : uses.entrySet()) {
      if (u.getValue() > 1) {
        sharedIdentity.put(u.getKey(), newSlot(u.getKey().type(), BigInteger.ZERO));
      }
    }
    return sharedIdentity;
  }

  /** Topological order of the combinational nodes (inputs and registers are sources). */
  private static CombNode[] order(List<CombNode> nodes, int slotCount) {
    CombNode[] bySlot = new CombNode[slotCount];
    for (CombNode n : nodes) {
      bySlot[n.slot()] = n;
    }
    List<CombNode> out = new ArrayList<>(nodes.size());
    byte[] state = new byte[slotCount];
    for (CombNode start : nodes) {
      if (state[start.slot()] != 0) {
        continue;
      }
      Deque<CombNode> stack = new ArrayDeque<>();
      Deque<Integer> idx = new ArrayDeque<>();
      stack.push(start);
      idx.push(0);
      state[start.slot()] = 1;
      while (!stack.isEmpty()) {
        CombNode n = stack.peek();
        int i = idx.pop();
        if (i < n.reads().length) {
          idx.push(i + 1);
          int r = n.reads()[i];
          CombNode dep = bySlot[r];
          if (dep != null && state[r] == 0) {
            state[r] = 1;
            stack.push(dep);
            idx.push(0);
          } else if (dep != null && state[r] == 1) {
            throw new HdlException("combinational loop through the hierarchy of the design");
          }
        } else {
          state[n.slot()] = 2;
          out.add(stack.pop());
        }
      }
    }
    return out.toArray(new CombNode[0]);
  }

  @Override
  public String toString() {
    return "IrSimulator(" + top.name() + ", cycle " + cycle + ", " + Arrays.toString(values) + ")";
  }
}
