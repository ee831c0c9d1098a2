package dev.qrtl.verilog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out legal, collision-free Verilog identifiers. A requested name is sanitised (illegal
 * characters become {@code _}, a leading digit gets a prefix, keywords of Verilog-2005 and
 * SystemVerilog get a trailing {@code _}); a name already taken gets the first free suffix
 * {@code _1}, {@code _2}, ... Names depend only on the order of requests, so emission is
 * deterministic.
 */
final class NameAllocator {
  private static final Set<String> KEYWORDS =
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

  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> nextSuffix = new HashMap<>();

  /** A legal identifier close to {@code wanted}, never returned before by this allocator. */
  String allocate(String wanted) {
    String base = sanitize(wanted);
    if (taken.add(base)) {
      return base;
    }
    int n = nextSuffix.getOrDefault(base, 1);
    String candidate;
    do {
      candidate = base + "_" + n++;
    } while (!taken.add(candidate));
    nextSuffix.put(base, n);
    return candidate;
  }

  static String sanitize(String wanted) {
    StringBuilder sb = new StringBuilder();
    for (char c : wanted.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      sb.append(ok ? c : '_');
    }
    if (sb.length() == 0) {
      sb.append("n");
    }
    if (Character.isDigit(sb.charAt(0))) {
      sb.insert(0, "n_");
    }
    String s = sb.toString();
    if (KEYWORDS.contains(s)) { // Verilog is case-sensitive: only exact keywords clash
      s = s + "_";
    }
    return s;
  }
}
