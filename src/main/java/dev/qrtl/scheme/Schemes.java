package dev.qrtl.scheme;

import dev.qrtl.core.Module;
import dev.qrtl.spec.QuantizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry: every requantization scheme qrtl knows, in the order tables list them. Adding a
 * scheme is one line in {@link #BUILT_IN} (and its files: spec, generator, golden model, {@link
 * Scheme}), or one {@link #register} call, which is how a test adds a scheme of its own.
 */
public final class Schemes {
  /** The schemes qrtl ships. */
  static final List<Scheme<?>> BUILT_IN = List.of(
      new ShiftRoundScheme(false),
      new ShiftRoundScheme(true),
      new TfliteScheme(false),
      new TfliteScheme(true),
      new Fp32ScaleScheme(),
      new ThresholdScheme(),
      new DyadicScheme());

  private static final java.util.concurrent.CopyOnWriteArrayList<Scheme<?>> ALL = new java.util.concurrent.CopyOnWriteArrayList<>(BUILT_IN);

  /** Every registered scheme, in table order (built-in ones first). */
  public static List<Scheme<?>> all() {
    return List.copyOf(ALL);
  }

  /**
   * Adds a scheme until the returned registration is closed (a name or alias taken already is
   * refused). While it is registered it is everywhere a built-in one is: the command line, typed
   * manifests, default sweeps.
   */
  public static Registration register(Scheme<?> s) {
    synchronized (ALL) {
      for (Scheme<?> x : ALL) {
        if (x.name().equals(s.name()) || x.aliases().contains(s.name())) {
          throw new IllegalArgumentException("a scheme named '" + s.name() + "' is registered already");
        }
      }
      ALL.add(s);
    }
    return () -> ALL.remove(s);
  }

  /** A registration that ends when closed. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** The scheme every comparison ratio is taken against. */
  public static final String BASELINE = "tflite-double";

  private Schemes() {}

  /** The names {@code --scheme} accepts, aliases after the names. */
  public static List<String> names() {
    List<String> n = new ArrayList<>();
    ALL.forEach(s -> n.add(s.name()));
    ALL.forEach(s -> n.addAll(s.aliases()));
    return n;
  }

  /** The scheme called {@code name} (or an alias); a one-line error listing the names otherwise. */
  public static Scheme<?> named(String name) {
    for (Scheme<?> s : ALL) {
      if (s.name().equals(name) || s.aliases().contains(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scheme '" + name + "'; use one of " + String.join(", ", names()));
  }

  /** The scheme a spec belongs to. */
  public static Scheme<?> of(QuantizerSpec spec) {
    return named(spec.scheme());
  }

  public static Module generate(QuantizerSpec spec) {
    return of(spec).generateAny(spec);
  }

  public static RequantizerModel model(QuantizerSpec spec) {
    return of(spec).modelAny(spec);
  }

  /** A scheme in one of its comparison forms. */
  public record Form(Scheme<?> scheme, CompareForm form) {
    public String label() {
      return form.label();
    }
  }

  /** Every form a comparison sweeps by default, in table order. */
  public static List<Form> defaultForms() {
    List<Form> out = new ArrayList<>();
    for (Scheme<?> s : ALL) {
      s.compareForms().forEach(f -> out.add(new Form(s, f)));
    }
    return out;
  }

  /** The form a comparison label names; a one-line error listing the default labels otherwise. */
  public static Form form(String label) {
    for (Scheme<?> s : ALL) {
      Optional<CompareForm> f = s.parseForm(label);
      if (f.isPresent()) {
        return new Form(s, f.get());
      }
    }
    throw new IllegalArgumentException("unknown scheme '" + label + "'; use some of: "
        + String.join(", ", defaultForms().stream().map(Form::label).toList()));
  }

  /**
   * The forms a list of labels names. A parameter list may continue past a comma
   * ({@code dyadic:m=4,8,16}): a bare number or range after a labelled entry belongs to it, and
   * each value becomes its own form ({@code dyadic:m=4}, ...); {@code a..b} is every integer
   * between.
   */
  public static List<Form> forms(List<String> tokens) {
    List<String> joined = new ArrayList<>();
    for (String t : tokens) {
      String s = t.trim();
      if (s.isEmpty()) {
        continue;
      }
      if (s.matches("\\d+(\\.\\.\\d+)?") && !joined.isEmpty() && joined.get(joined.size() - 1).contains("=")) {
        joined.set(joined.size() - 1, joined.get(joined.size() - 1) + "," + s);
      } else {
        joined.add(s);
      }
    }
    Map<String, Form> out = new LinkedHashMap<>();
    for (String j : joined) {
      for (String label : expand(j)) {
        if (out.put(label, form(label)) != null) {
          throw new IllegalArgumentException("scheme '" + label + "' is named twice");
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** {@code name:p=1,3..5} as {@code name:p=1}, {@code name:p=3}, {@code name:p=4}, {@code name:p=5}. */
  private static List<String> expand(String label) {
    int eq = label.indexOf('=');
    if (eq < 0 || label.indexOf(',') < 0 && !label.contains("..")) {
      return List.of(label);
    }
    String head = label.substring(0, eq + 1);
    List<String> out = new ArrayList<>();
    for (String v : label.substring(eq + 1).split(",")) {
      if (v.matches("\\d+\\.\\.\\d+")) {
        int a = Integer.parseInt(v.substring(0, v.indexOf('.')));
        int b = Integer.parseInt(v.substring(v.lastIndexOf('.') + 1));
        if (b < a || b - a > 1000) {
          throw new IllegalArgumentException("range " + v + " in '" + label + "' is empty or too long");
        }
        for (int i = a; i <= b; i++) {
          out.add(head + i);
        }
      } else {
        out.add(head + v);
      }
    }
    return out;
  }

  /** One option as the command line shows it: the union of what the schemes using it say. */
  public record Declared(String name, SchemeOption.Kind kind, String label, String help, List<String> schemes) {}

  /**
   * Every scheme-specific option (the common ones excluded), each once; schemes that share a name
   * must agree on its kind.
   */
  public static List<Declared> declaredOptions() {
    Map<String, SchemeOption> first = new LinkedHashMap<>();
    Map<String, List<String>> helps = new LinkedHashMap<>();
    Map<String, List<String>> users = new LinkedHashMap<>();
    for (Scheme<?> s : ALL) {
      for (SchemeOption o : s.options()) {
        if (SchemeOption.COMMON.contains(o)) {
          continue;
        }
        SchemeOption was = first.putIfAbsent(o.name(), o);
        if (was != null && was.kind() != o.kind()) {
          throw new IllegalStateException("schemes disagree on the type of " + o.name() + ": " + was.kind() + " and " + o.kind());
        }
        helps.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(s.name() + ": " + o.help());
        users.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(s.name());
      }
    }
    List<Declared> out = new ArrayList<>();
    first.forEach((n, o) -> out.add(new Declared(n, o.kind(), o.label(), String.join("; ", helps.get(n)), List.copyOf(users.get(n)))));
    return out;
  }
}
