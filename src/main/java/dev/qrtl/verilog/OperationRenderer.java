package dev.qrtl.verilog;

import dev.qrtl.core.Binary;
import dev.qrtl.core.Concat;
import dev.qrtl.core.Convert;
import dev.qrtl.core.Expr;
import dev.qrtl.core.ExprVisitor;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Mux;
import dev.qrtl.core.Signal;
import dev.qrtl.core.Slice;
import dev.qrtl.core.Unary;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one IR operation, its operands already operands of the {@link ExpressionWriter}
 * (names, literals, inlined single-use operations): one method per node kind, as Chisel's emitter
 * is one match per node, so a new node kind cannot be forgotten here.
 */
final class OperationRenderer implements ExprVisitor<String> {
  private final ExpressionWriter writer;

  OperationRenderer(ExpressionWriter writer) {
    this.writer = writer;
  }

  @Override
  public String visitSignal(Signal s) {
    throw new AssertionError("leaves are operands, not rendered: " + s);
  }

  @Override
  public String visitLit(Lit l) {
    throw new AssertionError("leaves are operands, not rendered: " + l);
  }

  @Override
  public String visitUnary(Unary u) {
    switch (u.op()) {
      case NOT:
        return "~" + writer.ext(u.operand(), u.type().width());
      case NEG:
        return "-" + writer.ext(u.operand(), u.type().width());
      case AND_REDUCE:
      case OR_REDUCE:
      case XOR_REDUCE:
        {
          Expr x = writer.peel(u.operand());
          if (writer.inlinable(x)) {
            String text = writer.inline(x); // a reduction's operand is self-determined
            if (!writer.emitted.get(x).isName()) {
              return u.op().symbol() + text;
            }
          }
          ExpressionWriter.Operand o = writer.operand(x);
          if (o.kind() == ExpressionWriter.Kind.LITERAL) {
            o = writer.named(writer.peel(u.operand()));
          }
          writer.useAll(o);
          return u.op().symbol() + o.text();
        }
      default:
        throw new AssertionError(u.op());
    }
  }

  @Override
  public String visitBinary(Binary b) {
    int w = b.type().width();
    switch (b.op()) {
      case ADD:
      case SUB:
      case AND:
      case OR:
      case XOR:
        return writer.ext(b.left(), w) + " " + b.op().symbol() + " " + writer.ext(b.right(), w);
      case MUL:
        {
          // Natural widths: Verilog extends both (same-signedness) operands to the context
          // width, and synthesis sees a wa x wb multiplier instead of a w x w one.
          ExpressionWriter.Operand l = writer.operand(b.left());
          ExpressionWriter.Operand r = writer.operand(b.right());
          writer.useAll(l);
          writer.useAll(r);
          return writer.factor(l, b.left()) + " * " + writer.factor(r, b.right());
        }
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        {
          int m = Math.max(b.left().width(), b.right().width());
          boolean s = b.left().signed();
          return writer.extSigned(b.left(), m, s) + " " + b.op().symbol() + " " + writer.extSigned(b.right(), m, s);
        }
      case SHL:
        {
          ExpressionWriter.Operand amount = writer.operand(b.right());
          writer.useAll(amount);
          return writer.ext(b.left(), w) + " << " + amount.text();
        }
      case SHR:
        {
          ExpressionWriter.Operand value = writer.operand(b.left());
          ExpressionWriter.Operand amount = writer.operand(b.right());
          writer.useAll(value);
          writer.useAll(amount);
          return writer.typed(value) + (b.left().signed() ? " >>> " : " >> ") + amount.text();
        }
      default:
        throw new AssertionError(b.op());
    }
  }

  @Override
  public String visitMux(Mux m) {
    int w = m.type().width();
    if (writer.inlinable(m.select())) {
      String text = writer.inline(m.select()); // the select is self-determined: any one-bit operation
      if (text != null && !writer.emitted.get(m.select()).isName()) {
        return text + " ? " + writer.ext(m.ifTrue(), w) + " : " + writer.ext(m.ifFalse(), w);
      }
    }
    ExpressionWriter.Operand sel = writer.operand(m.select());
    writer.useAll(sel);
    return sel.text() + " ? " + writer.ext(m.ifTrue(), w) + " : " + writer.ext(m.ifFalse(), w);
  }

  @Override
  public String visitSlice(Slice s) {
    return writer.range(writer.bitsOf(s));
  }

  @Override
  public String visitConcat(Concat c) {
    List<String> parts = new ArrayList<>();
    for (Expr p : c.parts()) {
      ExpressionWriter.Operand o = writer.operand(p);
      writer.useAll(o);
      parts.add(o.text());
    }
    return "{" + String.join(", ", parts) + "}";
  }

  @Override
  public String visitConvert(Convert c) {
    int w = c.type().width();
    switch (c.op()) {
      case EXTEND:
        return writer.ext(c.operand(), w);
      case TRUNCATE:
        return writer.range(writer.bitsOf(c));
      case REINTERPRET:
        {
          Expr inner = writer.peel(c.operand());
          if (!(inner instanceof Signal) && !(inner instanceof Lit)
              && !writer.emitted.containsKey(inner) && writer.uses.getOrDefault(inner, 0) == 1) {
            // Same bits, other signedness: write the single-use operation straight in.
            return inner.accept(this);
          }
          ExpressionWriter.Operand o = writer.operand(inner);
          if (!o.isName()) {
            Lit l = (Lit) inner;
            return VerilogLiteral.of(c.type().wrap(l.value()), c.type());
          }
          writer.useAll(o);
          return o.text();
        }
      default:
        throw new AssertionError(c.op());
    }
  }
}
