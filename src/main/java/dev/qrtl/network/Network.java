package dev.qrtl.network;

import java.util.List;

/**
 * A network's requantized layers in order, with where they came from ({@code source}: a built-in
 * table and its reference, or a model file and its SHA-256).
 */
public record Network(String name, String source, String input, List<Layer> layers) {
  public Network {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("network '" + name + "' has no layer with a requantized output");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Layer l : layers) {
      if (!seen.add(l.name())) {
        throw new IllegalArgumentException("network '" + name + "' has two layers named '" + l.name() + "'");
      }
    }
  }

  public long macs() {
    return layers.stream().mapToLong(Layer::macs).sum();
  }

  public long outputs() {
    return layers.stream().mapToLong(Layer::outputs).sum();
  }
}
