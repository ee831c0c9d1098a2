package dev.qrtl.liberty;

import java.util.Optional;

/**
 * Which wire-load model prices the nets of a design ({@code --wire-load auto|none|NAME}):
 * {@code auto} is what OpenSTA does without {@code set_wire_load_model} - the library's
 * {@code wire_load_selection} by design area where it has one, else its {@code default_wire_load},
 * else none; {@code none} uses pin capacitances only; a name picks that model of the library.
 *
 * <p>The mode is always top: every net uses the model chosen for the whole design. On a flattened
 * netlist - the one qrtl times and simulates - top, enclosed (the model of the smallest module
 * enclosing the net) and segmented (each segment of a net by the module it runs in) coincide,
 * because there is one module; they differ only across hierarchy, which qrtl expands first.
 */
public sealed interface WireLoadChoice {
  /** The library's own choice. */
  record Auto() implements WireLoadChoice {}

  /** No wire load. */
  record None() implements WireLoadChoice {}

  /** A model by name. */
  record Named(String name) implements WireLoadChoice {}

  WireLoadChoice AUTO = new Auto();

  /** The option's text: {@code auto}, {@code none} or a model name. */
  static WireLoadChoice parse(String text) {
    if (text == null || text.isBlank() || text.equals("auto")) {
      return AUTO;
    }
    if (text.equals("none")) {
      return new None();
    }
    if (!text.matches("[A-Za-z0-9_.+-]{1,80}")) {
      throw new LibertyException("--wire-load '" + LibraryReader.printable(text) + "' is not auto, none or a wire-load model name");
    }
    return new Named(text);
  }

  /** The canonical text. */
  default String text() {
    if (this instanceof Named n) {
      return n.name();
    }
    return this instanceof None ? "none" : "auto";
  }

  /** The model this choice gives a design of {@code areaUm2} on {@code lib}, with a description for reports. */
  default Resolved resolve(Library lib, double areaUm2) {
    WireLoads w = lib.wireLoads();
    if (this instanceof None) {
      return new Resolved(null, "none (pin capacitances only)");
    }
    if (this instanceof Named n) {
      WireLoad m = w.models().get(n.name());
      if (m == null) {
        throw new LibertyException("library " + lib.name() + " has no wire-load model '" + n.name() + "' (it has: "
            + (w.models().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(w.models().keySet()))) + ")");
      }
      return new Resolved(m, m.name() + " (--wire-load, mode top)");
    }
    Optional<java.util.List<WireLoads.AreaRange>> sel = w.selection();
    if (sel.isPresent() && !sel.get().isEmpty()) {
      String name = WireLoads.byArea(sel.get(), areaUm2);
      return new Resolved(model(lib, name, "wire_load_selection"),
          name + String.format(java.util.Locale.ROOT, " (selected by area %.1f um^2, mode top)", areaUm2));
    }
    if (w.defaultModel() != null) {
      return new Resolved(model(lib, w.defaultModel(), "default_wire_load"), w.defaultModel() + " (library default, mode top)");
    }
    return new Resolved(null, "none (the library defines no default)");
  }

  private static WireLoad model(Library lib, String name, String where) {
    WireLoad m = lib.wireLoads().models().get(name);
    if (m == null) {
      throw new LibertyException("library " + lib.name() + ": " + where + " names an unknown wire-load model '" + name + "'");
    }
    return m;
  }

  /** A chosen model (null: none) and how it was chosen. */
  record Resolved(WireLoad model, String description) {
    /** The wire capacitance of a net with {@code fanout} loads, pF. */
    public double capacitancePf(int fanout) {
      return model == null ? 0 : model.capacitancePf(fanout);
    }

    public String name() {
      return model == null ? "none" : model.name();
    }
  }
}
