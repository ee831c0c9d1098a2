package dev.qrtl.verilog;

import dev.qrtl.core.Binary;
import dev.qrtl.core.Concat;
import dev.qrtl.core.Convert;
import dev.qrtl.core.Expr;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Mux;
import dev.qrtl.core.Unary;

/**
 * The word an emitter-made temporary wire is named by, after what it holds: the net it feeds
 * gives the prefix ({@code x_sum}, {@code q_shr}), this the rest. Exhaustive over the IR's
 * operations (a Java switch over each operator enum), so a new operation gets a word or fails to
 * compile.
 */
final class TempNames {
  private TempNames() {}

  /** What a temporary holds, for its name. */
  static String word(Expr e) {
    if (e instanceof Binary b) {
      return switch (b.op()) {
        case ADD -> "sum";
        case SUB -> "diff";
        case MUL -> "product";
        case AND -> "and";
        case OR -> "or";
        case XOR -> "xor";
        case EQ -> "eq";
        case NE -> "ne";
        case LT -> "lt";
        case LE -> "le";
        case GT -> "gt";
        case GE -> "ge";
        case SHL -> "shl";
        case SHR -> "shr";
      };
    }
    if (e instanceof Unary u) {
      return switch (u.op()) {
        case NOT -> "inv";
        case NEG -> "neg";
        case AND_REDUCE -> "all";
        case OR_REDUCE -> "any";
        case XOR_REDUCE -> "parity";
      };
    }
    if (e instanceof Mux) {
      return "sel";
    }
    if (e instanceof Concat) {
      return "cat";
    }
    if (e instanceof Lit) {
      return "const";
    }
    if (e instanceof Convert c) {
      return switch (c.op()) {
        case EXTEND -> "ext";
        case TRUNCATE -> "low";
        case REINTERPRET -> "as";
      };
    }
    return "bits";
  }
}
