package dev.qrtl.network;

import dev.qrtl.results.Elementwise;
import dev.qrtl.results.Layer;
import java.util.List;

/**
 * A network's requantized layers in order, with where they came from ({@code source}: a built-in
 * table and its reference, or a model file and its SHA-256), the element-wise requantizations
 * between them (residual adds, average pools, concatenations), and what the import left out
 * ({@code notes}: skipped nodes, layers without a scale); {@code tokens} the tokens one inference
 * processes where the bill is also per token (an LLM layer), else 0.
 */
public record Network(String name, String source, String input, List<Layer> layers, List<Elementwise> elementwise, List<String> notes,
    int tokens) {
  /** A network without element-wise requantizations or notes. */
  public Network(String name, String source, String input, List<Layer> layers) {
    this(name, source, input, layers, List.of(), List.of());
  }

  /** A network that is not billed per token (a CNN's inference, an imported model). */
  public Network(String name, String source, String input, List<Layer> layers, List<Elementwise> elementwise, List<String> notes) {
    this(name, source, input, layers, elementwise, notes, 0);
  }

  public Network {
    layers = List.copyOf(layers);
    elementwise = List.copyOf(elementwise);
    notes = List.copyOf(notes);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("network '" + name + "' has no layer with a requantized output");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Layer l : layers) {
      if (!seen.add(l.name())) {
        throw new IllegalArgumentException("network '" + name + "' has two layers named '" + l.name() + "'");
      }
    }
    total(name, layers, Layer::macs, "MACs");
    total(name, layers, Layer::outputs, "outputs");
    for (Elementwise e : elementwise) {
      if (!seen.add(e.name())) {
        throw new IllegalArgumentException("network '" + name + "' has two layers or operators named '" + e.name() + "'");
      }
    }
  }

  /** Element-wise requantizations per inference (every kind but the lookup tables, which are not requantizers). */
  public long elementwiseRequantizations() {
    long sum = 0;
    for (Elementwise e : elementwise) {
      if (e.kind() != Elementwise.Kind.LOOKUP) {
        sum = Math.addExact(sum, e.outputs());
      }
    }
    return sum;
  }

  public long macs() {
    return total(name, layers, Layer::macs, "MACs");
  }

  public long outputs() {
    return total(name, layers, Layer::outputs, "outputs");
  }

  /** A per-inference total in checked arithmetic: past 2^63 - 1 it is one line naming the network, not a wrapped number. */
  private static long total(String name, List<Layer> layers, java.util.function.ToLongFunction<Layer> f, String what) {
    long sum = 0;
    for (Layer l : layers) {
      try {
        sum = Math.addExact(sum, f.applyAsLong(l));
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("network '" + name + "': its " + what + " per inference exceed the limit of " + Long.MAX_VALUE
            + " (at layer '" + l.name() + "')");
      }
    }
    return sum;
  }
}
