package dev.qrtl.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds combinational loops and computes, for each output, the inputs it depends on without a
 * register in between. Instances contribute the dependencies of their module, so a loop through
 * a child is found too. Iterative, so deep designs do not overflow the Java stack.
 */
final class CombinationalCheck {
  private CombinationalCheck() {}

  static Map<String, Set<String>> check(
      String moduleName, List<Signal> ports, Map<Signal, Expr> drivers, List<Instance> instances) {
    Map<Signal, List<Signal>> deps = new IdentityHashMap<>();
    for (Map.Entry<Signal, Expr> d : drivers.entrySet()) {
      deps.put(d.getKey(), new ArrayList<>(ExprWalk.signals(d.getValue())));
    }
    for (Instance inst : instances) {
      for (Map.Entry<String, Signal> out : inst.outputs().entrySet()) {
        Set<Signal> reads = new LinkedHashSet<>();
        for (String in : inst.module().combDeps().getOrDefault(out.getKey(), Set.of())) {
          Expr driver = inst.inputs().get(in);
          if (driver != null) {
            reads.addAll(ExprWalk.signals(driver));
          }
        }
        deps.put(out.getValue(), new ArrayList<>(reads));
      }
    }
    findLoop(moduleName, deps);

    Map<String, Set<String>> result = new LinkedHashMap<>();
    Map<Signal, Set<String>> memo = new IdentityHashMap<>();
    for (Signal p : ports) {
      if (p.kind() == SignalKind.OUTPUT) {
        result.put(p.name(), reachableInputs(p, deps, memo));
      }
    }
    return result;
  }

  private static void findLoop(String moduleName, Map<Signal, List<Signal>> deps) {
    Map<Signal, Integer> state = new IdentityHashMap<>(); // 1 = on stack, 2 = done
    for (Signal start : deps.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<Signal> path = new ArrayDeque<>();
      Deque<Integer> nextChild = new ArrayDeque<>();
      path.push(start);
      nextChild.push(0);
      state.put(start, 1);
      while (!path.isEmpty()) {
        Signal top = path.peek();
        int i = nextChild.pop();
        List<Signal> children = deps.getOrDefault(top, List.of());
        if (i < children.size()) {
          nextChild.push(i + 1);
          Signal c = children.get(i);
          if (!deps.containsKey(c)) {
            continue; // an input or a register output: not combinationally driven here
          }
          Integer st = state.get(c);
          if (st == null) {
            state.put(c, 1);
            path.push(c);
            nextChild.push(0);
          } else if (st == 1) {
            throw new HdlException(loopMessage(moduleName, path, c));
          }
        } else {
          state.put(top, 2);
          path.pop();
        }
      }
    }
  }

  private static String loopMessage(String moduleName, Deque<Signal> path, Signal again) {
    List<Signal> loop = new ArrayList<>();
    for (Signal s : path) { // top of stack first = most recent
      loop.add(s);
      if (s == again) {
        break;
      }
    }
    java.util.Collections.reverse(loop);
    StringBuilder sb = new StringBuilder("combinational loop in module '" + moduleName + "': ");
    for (Signal s : loop) {
      sb.append(s.name()).append(" (declared at ").append(s.declaredAt()).append(") -> ");
    }
    sb.append(again.name());
    return sb.toString();
  }

  private static Set<String> reachableInputs(
      Signal from, Map<Signal, List<Signal>> deps, Map<Signal, Set<String>> memo) {
    Set<String> found = new LinkedHashSet<>();
    Set<Signal> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Signal> stack = new ArrayDeque<>();
    stack.push(from);
    while (!stack.isEmpty()) {
      Signal s = stack.pop();
      if (!seen.add(s)) {
        continue;
      }
      Set<String> known = memo.get(s);
      if (known != null) {
        found.addAll(known);
        continue;
      }
      if (s.kind() == SignalKind.INPUT) {
        found.add(s.name());
      }
      for (Signal c : deps.getOrDefault(s, List.of())) {
        stack.push(c);
      }
    }
    memo.put(from, found);
    return found;
  }
}
