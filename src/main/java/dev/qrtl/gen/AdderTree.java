package dev.qrtl.gen;

import dev.qrtl.core.Expr;
import java.util.ArrayList;
import java.util.List;

/** A balanced adder tree: log-depth sum of terms of one signedness (popcounts, dot products). */
public final class AdderTree {
  private AdderTree() {}

  public static Expr sum(List<Expr> terms) {
    return sum(null, null, terms);
  }

  /**
   * The same tree with every partial sum a named wire of {@code m}: {@code <name>_l<level>_<i>}
   * (the last level is left to the caller), as a reader of the Verilog would want it.
   */
  public static Expr sum(dev.qrtl.core.ModuleBuilder m, String name, List<Expr> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("an adder tree needs at least one term");
    }
    List<Expr> level = new ArrayList<>(terms);
    int depth = 0;
    while (level.size() > 1) {
      depth++;
      List<Expr> next = new ArrayList<>();
      boolean last = level.size() == 2;
      for (int i = 0; i + 1 < level.size(); i += 2) {
        Expr s = level.get(i).add(level.get(i + 1));
        next.add(m == null || last ? s : m.wire(name + "_l" + depth + "_" + (i / 2), s));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return level.get(0);
  }
}
