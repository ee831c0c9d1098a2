package dev.qrtl.core;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/** Iterative walks over expression DAGs (shared subexpressions are visited once). */
public final class ExprWalk {
  private ExprWalk() {}

  /** The signals an expression reads, in first-seen order. */
  public static Set<Signal> signals(Expr root) {
    Set<Signal> found = new LinkedHashSet<>();
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Expr> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (!seen.add(e)) {
        continue;
      }
      if (e instanceof Signal s) {
        found.add(s);
      } else {
        for (Expr c : children(e)) {
          stack.push(c);
        }
      }
    }
    return found;
  }

  /** The operands of a node, in order. */
  public static java.util.List<Expr> children(Expr e) {
    if (e instanceof Signal || e instanceof Lit) {
      return java.util.List.of();
    } else if (e instanceof Unary u) {
      return java.util.List.of(u.operand());
    } else if (e instanceof Binary b) {
      return java.util.List.of(b.left(), b.right());
    } else if (e instanceof Mux m) {
      return java.util.List.of(m.select(), m.ifTrue(), m.ifFalse());
    } else if (e instanceof Slice s) {
      return java.util.List.of(s.operand());
    } else if (e instanceof Concat c) {
      return c.parts();
    } else if (e instanceof Convert c) {
      return java.util.List.of(c.operand());
    }
    throw new AssertionError(e);
  }

  /** Number of distinct nodes in the DAG under {@code root}. */
  public static int countNodes(Expr root) {
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Expr> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (seen.add(e)) {
        children(e).forEach(stack::push);
      }
    }
    return seen.size();
  }
}
