package dev.qrtl.liberty;

import java.util.Map;

/**
 * Evaluates Liberty Boolean functions: {@code !a}, {@code a'}, {@code a & b}, {@code a * b},
 * {@code a b} (juxtaposition is AND), {@code a | b}, {@code a + b}, {@code a ^ b}, parentheses,
 * and the constants 0 and 1. Precedence: not, and, xor, or.
 */
public final class BoolFunction {
  private final String s;
  private final Map<String, Boolean> env;
  private int pos;

  private BoolFunction(String s, Map<String, Boolean> env) {
    this.s = s;
    this.env = env;
  }

  public static boolean eval(String function, Map<String, Boolean> env) {
    BoolFunction f = new BoolFunction(function, env);
    boolean v = f.or();
    f.space();
    if (f.pos != f.s.length()) {
      throw new LibertyException("cannot parse function '" + function + "' at position " + f.pos);
    }
    return v;
  }

  /** The truth table over {@code inputs} (bit i of the index = input i), as a bit mask. */
  public static long truthTable(String function, java.util.List<String> inputs) {
    long table = 0;
    for (int row = 0; row < 1 << inputs.size(); row++) {
      Map<String, Boolean> env = new java.util.HashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        env.put(inputs.get(i), ((row >> i) & 1) == 1);
      }
      if (eval(function, env)) {
        table |= 1L << row;
      }
    }
    return table;
  }

  private boolean or() {
    boolean v = xor();
    for (;;) {
      space();
      if (peek('|') || peek('+')) {
        pos++;
        v |= xor();
      } else {
        return v;
      }
    }
  }

  private boolean xor() {
    boolean v = and();
    for (;;) {
      space();
      if (peek('^')) {
        pos++;
        v ^= and();
      } else {
        return v;
      }
    }
  }

  private boolean and() {
    boolean v = unary();
    for (;;) {
      space();
      if (peek('&') || peek('*')) {
        pos++;
        v &= unary();
      } else if (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '(' || s.charAt(pos) == '!'
          || s.charAt(pos) == '_')) {
        v &= unary(); // juxtaposition
      } else {
        return v;
      }
    }
  }

  private boolean unary() {
    space();
    boolean v;
    if (peek('!')) {
      pos++;
      v = !unary();
    } else if (peek('(')) {
      pos++;
      v = or();
      space();
      if (!peek(')')) {
        throw new LibertyException("missing ')' in function '" + s + "'");
      }
      pos++;
    } else {
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '[' || s.charAt(pos) == ']')) {
        pos++;
      }
      if (start == pos) {
        throw new LibertyException("cannot parse function '" + s + "' at position " + pos);
      }
      String name = s.substring(start, pos);
      if (name.equals("0") || name.equals("1")) {
        v = name.equals("1");
      } else {
        Boolean b = env.get(name);
        if (b == null) {
          throw new LibertyException("function '" + s + "' uses unknown pin '" + name + "'");
        }
        v = b;
      }
    }
    while (pos < s.length() && s.charAt(pos) == '\'') {
      pos++;
      v = !v;
    }
    return v;
  }

  private void space() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }
}
