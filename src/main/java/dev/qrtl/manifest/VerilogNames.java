package dev.qrtl.manifest;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names may reach a tool: the identifiers a manifest may use for its top module, its
 * modules (file names) and its ports. qrtl takes the portable part of Verilog-2005's simple
 * identifiers, {@code [A-Za-z_][A-Za-z0-9_]*} (no {@code $}, which Verilator mangles and C++ does
 * not accept), and refuses Verilog-2005 and SystemVerilog keywords. So a name read from a
 * manifest can be put into a Yosys script, a generated C++ harness or a Verilog bench unquoted.
 */
public final class VerilogNames {
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Keywords of Verilog-2005 and SystemVerilog (Verilator reads .v files as SystemVerilog). */
  public static final Set<String> KEYWORDS =
      Set.of(
          // Verilog-2005
          "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case",
          "casex", "casez", "cell", "cmos", "config", "deassign", "default", "defparam", "design",
          "disable", "edge", "else", "end", "endcase", "endconfig", "endfunction", "endgenerate",
          "endmodule", "endprimitive", "endspecify", "endtable", "endtask", "event", "for", "force",
          "forever", "fork", "function", "generate", "genvar", "highz0", "highz1", "if", "ifnone",
          "incdir", "include", "initial", "inout", "input", "instance", "integer", "join", "large",
          "liblist", "library", "localparam", "macromodule", "medium", "module", "nand", "negedge",
          "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output", "parameter",
          "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
          "pulsestyle_ondetect", "pulsestyle_onevent", "rcmos", "real", "realtime", "reg",
          "release", "repeat", "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared",
          "showcancelled", "signed", "small", "specify", "specparam", "strong0", "strong1",
          "supply0", "supply1", "table", "task", "time", "tran", "tranif0", "tranif1", "tri",
          "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire", "vectored",
          "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
          // SystemVerilog (Verilator parses .v files as SystemVerilog by default)
          "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "before",
          "bind", "bins", "binsof", "bit", "break", "byte", "chandle", "class", "clocking",
          "const", "constraint", "context", "continue", "cover", "covergroup", "coverpoint",
          "cross", "dist", "do", "endclass", "endclocking", "endgroup", "endinterface",
          "endpackage", "endprogram", "endproperty", "endsequence", "enum", "expect", "export",
          "extends", "extern", "final", "first_match", "foreach", "forkjoin", "iff",
          "ignore_bins", "illegal_bins", "import", "inside", "int", "interface", "intersect",
          "join_any", "join_none", "local", "logic", "longint", "matches", "modport", "new",
          "null", "package", "packed", "priority", "program", "property", "protected", "pure",
          "rand", "randc", "randcase", "randsequence", "ref", "return", "sequence", "shortint",
          "shortreal", "solve", "static", "string", "struct", "super", "tagged", "this",
          "throughout", "timeprecision", "timeunit", "type", "typedef", "union", "unique",
          "var", "virtual", "void", "wait_order", "wildcard", "with", "within", "accept_on",
          "checker", "endchecker", "eventually", "global", "implies", "let", "nexttime",
          "reject_on", "restrict", "s_always", "s_eventually", "s_nexttime", "s_until",
          "s_until_with", "strong", "sync_accept_on", "sync_reject_on", "unique0", "until",
          "until_with", "untyped", "weak", "implements", "interconnect", "nettype", "soft");

  private VerilogNames() {}

  /** Whether {@code name} is a portable simple identifier and no keyword. */
  public static boolean isLegal(String name) {
    return name != null && name.length() <= 1024 && SIMPLE.matcher(name).matches() && !KEYWORDS.contains(name);
  }

  /** {@code text} for a one-line message: control characters escaped, at most 200 characters. */
  public static String printable(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (sb.length() >= 200) {
        return sb.append("...").toString();
      }
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Why {@code name} is not legal, or null if it is. */
  public static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "is empty";
    }
    if (name.length() > 1024) {
      return "is longer than 1024 characters";
    }
    if (!SIMPLE.matcher(name).matches()) {
      return "is not a simple Verilog identifier (letters, digits and _, not starting with a digit)";
    }
    if (KEYWORDS.contains(name)) {
      return "is a Verilog or SystemVerilog keyword";
    }
    return null;
  }
}
