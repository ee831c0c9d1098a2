package dev.qrtl.gen.mac;

import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.InstanceBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;

/**
 * An R x C MAC array of identical PEs (emitted once). Ports: {@code a_<i>} per row (broadcast
 * with lanes: {@code a_<i>_<l>}), {@code w_<j>} per column, {@code first} and {@code valid}
 * (caller-skewed systolic arrays: {@code first_<i>}, {@code valid_<i>} per row), and
 * {@code acc_<i>_<j>} per output.
 */
public final class MacArrayGenerator {
  private MacArrayGenerator() {}

  public static String protocol(MacArraySpec s) {
    String skew = s.form() == MacForm.SYSTOLIC && !s.inputSkew()
        ? " The caller skews: row i's operands and flags, and column j's weights, arrive i (j) cycles late."
        : "";
    return "for t in 0..K-1 drive a_<i> = A[i][t], w_<j> = W[t][j], valid = 1, first = (t == 0)"
        + (s.lanes() > 1 ? " (lane l carries term t*lanes + l)" : "")
        + "; then valid = 0; after " + s.latency(s.k()) + " clock edges from the first cycle (K + "
        + (s.form() == MacForm.SYSTOLIC ? "R + C - 2" : "0") + " in general) acc_<i>_<j> = sum_t A[i][t] W[t][j] and holds"
        + " until the next tile's first term." + skew;
  }

  public static Module generate(MacArraySpec s) {
    return generate(s, false);
  }

  /**
   * The array; with {@code finals}, also {@code final_<i>_<j>} outputs, 1 while acc_<i>_<j> holds a
   * finished sum (for operand isolation of an epilogue), and the name {@code mac_array_<tag>_fin}.
   */
  public static Module generate(MacArraySpec s, boolean finals) {
    ModuleBuilder m = new ModuleBuilder("mac_array_" + s.tag() + (finals ? "_fin" : ""))
        .description(s.rows() + "x" + s.cols() + " " + s.form().cliName() + " MAC array")
        .param("rows", s.rows()).param("cols", s.cols())
        .param("a_bits", s.aBits()).param("a_signed", s.aSigned())
        .param("w_bits", s.wBits()).param("w_signed", s.wSigned())
        .param("k", s.k()).param("acc_bits", s.accBits())
        .param("form", s.form().cliName()).param("lanes", s.lanes())
        .param("input_skew", s.inputSkew()).param("product_register", s.productRegister())
        .param("tile_protocol", protocol(s))
        .latency(s.latency(s.k()));
    Signal[][] fin = new Signal[s.rows()][s.cols()];
    Signal[][] acc = s.form() == MacForm.SYSTOLIC ? systolic(m, s, fin) : broadcast(m, s, fin);
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < s.cols(); j++) {
        m.assign(m.output("acc_" + i + "_" + j, HwType.s(s.accBits())), acc[i][j]);
        if (finals) {
          m.assign(m.output("final_" + i + "_" + j, HwType.u(1)), fin[i][j]);
        }
      }
    }
    return m.build();
  }

  /** Builds the array inside {@code m} (for the unified module too); returns the PE outputs. */
  public static Signal[][] build(ModuleBuilder m, MacArraySpec s) {
    Signal[][] fin = new Signal[s.rows()][s.cols()];
    return s.form() == MacForm.SYSTOLIC ? systolic(m, s, fin) : broadcast(m, s, fin);
  }

  private static Signal[][] systolic(ModuleBuilder m, MacArraySpec s, Signal[][] fin) {
    Module pe = PeGenerator.systolic(s);
    HwType aType = new HwType(s.aBits(), s.aSigned());
    HwType wType = new HwType(s.wBits(), s.wSigned());
    Expr[] aEdge = new Expr[s.rows()];
    Expr[] firstEdge = new Expr[s.rows()];
    Expr[] validEdge = new Expr[s.rows()];
    Expr[] wEdge = new Expr[s.cols()];
    Signal first = s.inputSkew() ? m.input("first", HwType.u(1)) : null;
    Signal valid = s.inputSkew() ? m.input("valid", HwType.u(1)) : null;
    for (int i = 0; i < s.rows(); i++) {
      Signal a = m.input("a_" + i, aType);
      if (s.inputSkew()) {
        aEdge[i] = delay(m, "a" + i + "_skew", a, i, false);
        firstEdge[i] = delay(m, "first" + i + "_skew", first, i, true);
        validEdge[i] = delay(m, "valid" + i + "_skew", valid, i, true);
      } else {
        aEdge[i] = a;
        firstEdge[i] = m.input("first_" + i, HwType.u(1));
        validEdge[i] = m.input("valid_" + i, HwType.u(1));
      }
    }
    for (int j = 0; j < s.cols(); j++) {
      Signal w = m.input("w_" + j, wType);
      wEdge[j] = s.inputSkew() ? delay(m, "w" + j + "_skew", w, j, false) : w;
    }
    Signal[][] acc = new Signal[s.rows()][s.cols()];
    Expr[] wDown = wEdge.clone();
    for (int i = 0; i < s.rows(); i++) {
      Expr aRight = aEdge[i];
      Expr firstRight = firstEdge[i];
      Expr validRight = validEdge[i];
      for (int j = 0; j < s.cols(); j++) {
        InstanceBuilder u = m.instance("pe_" + i + "_" + j, pe)
            .in("a_in", aRight).in("w_in", wDown[j]).in("first_in", firstRight).in("valid_in", validRight);
        aRight = u.out("a_out");
        firstRight = u.out("first_out");
        validRight = u.out("valid_out");
        wDown[j] = u.out("w_out");
        acc[i][j] = u.out("acc");
        fin[i][j] = u.out("acc_final");
      }
    }
    return acc;
  }

  private static Signal[][] broadcast(ModuleBuilder m, MacArraySpec s, Signal[][] fin) {
    Module pe = PeGenerator.broadcast(s);
    HwType aType = new HwType(s.aBits(), s.aSigned());
    HwType wType = new HwType(s.wBits(), s.wSigned());
    Signal first = m.input("first", HwType.u(1));
    Signal valid = m.input("valid", HwType.u(1));
    Signal[][] a = new Signal[s.rows()][s.lanes()];
    Signal[][] w = new Signal[s.cols()][s.lanes()];
    for (int i = 0; i < s.rows(); i++) {
      for (int l = 0; l < s.lanes(); l++) {
        a[i][l] = m.input(s.lanes() == 1 ? "a_" + i : "a_" + i + "_" + l, aType);
      }
    }
    for (int j = 0; j < s.cols(); j++) {
      for (int l = 0; l < s.lanes(); l++) {
        w[j][l] = m.input(s.lanes() == 1 ? "w_" + j : "w_" + j + "_" + l, wType);
      }
    }
    Signal[][] acc = new Signal[s.rows()][s.cols()];
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < s.cols(); j++) {
        InstanceBuilder u = m.instance("pe_" + i + "_" + j, pe).in("first", first).in("valid", valid);
        for (int l = 0; l < s.lanes(); l++) {
          u.in(s.lanes() == 1 ? "a" : "a_" + l, a[i][l]).in(s.lanes() == 1 ? "w" : "w_" + l, w[j][l]);
        }
        acc[i][j] = u.out("acc");
        fin[i][j] = u.out("acc_final");
      }
    }
    return acc;
  }

  /** {@code n} registers in series (flags reset to 0). */
  private static Expr delay(ModuleBuilder m, String name, Expr in, int n, boolean reset) {
    Expr v = in;
    for (int d = 0; d < n; d++) {
      Signal r = reset ? m.reg(name + d + "_q", v.type(), 0) : m.reg(name + d + "_q", v.type());
      m.next(r, v);
      v = r;
    }
    return v;
  }
}
