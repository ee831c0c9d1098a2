package dev.qrtl.verilog;

import dev.qrtl.core.HwType;
import dev.qrtl.core.Signal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of one module as it is emitted: the allocator, each signal's Verilog name, every
 * declared net with its type and which of its bits something reads (for the {@code unused}
 * sink), and the declarations and assignments collected so far.
 */
final class ModuleScope {
  final NameAllocator names = new NameAllocator();
  final Map<Signal, String> signalNames = new IdentityHashMap<>();
  final Map<String, HwType> declaredTypes = new LinkedHashMap<>();
  final Map<String, BitSet> used = new LinkedHashMap<>();
  final List<String> wireDecls = new ArrayList<>();
  final List<String> assigns = new ArrayList<>();
  /** How many wires the emitter named itself (the rest are named by the generator). */
  int temporaries;

  void name(Signal s) {
    String n = names.allocate(s.name());
    signalNames.put(s, n);
    track(n, s.type());
  }

  void track(String n, HwType t) {
    declaredTypes.put(n, t);
    used.put(n, new BitSet(t.width()));
  }

  /** A fresh wire for an intermediate value, declared, named after the net it feeds ({@code hint}). */
  String newTemp(HwType t, String hint) {
    temporaries++;
    String n = names.allocate(hint);
    track(n, t);
    wireDecls.add(ModuleEmitter.declaration("wire", t, n));
    return n;
  }

  /** Marks every bit of a signal read; returns its name. */
  String markUsed(Signal s) {
    String n = signalNames.get(s);
    used.get(n).set(0, s.type().width());
    return n;
  }
}
