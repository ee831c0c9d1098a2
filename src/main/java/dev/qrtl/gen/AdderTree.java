package dev.qrtl.gen;

import dev.qrtl.core.Expr;
import java.util.ArrayList;
import java.util.List;

/** A balanced adder tree: log-depth sum of terms of one signedness (popcounts, dot products). */
public final class AdderTree {
  private AdderTree() {}

  public static Expr sum(List<Expr> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("an adder tree needs at least one term");
    }
    List<Expr> level = new ArrayList<>(terms);
    while (level.size() > 1) {
      List<Expr> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(level.get(i).add(level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return level.get(0);
  }
}
