package dev.qrtl.kind;

import dev.qrtl.manifest.ManifestException;
import dev.qrtl.spec.DesignSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of design kinds. The built-in kinds are listed here; a new kind is one class
 * implementing {@link DesignKind} and one line in {@link #BUILT_IN} (or one {@link #register} call,
 * which is how a test adds a kind of its own). Everything that needs a design's kind (reading a
 * manifest's typed spec, generating, co-simulating, estimating energy, choosing how to
 * synthesize) asks here.
 */
public final class DesignKinds {
  /** The kinds qrtl ships, in the order {@code --help} and the docs list them. */
  static final List<DesignKind<?>> BUILT_IN = List.of(new RequantizerKind(), new MacArrayKind(), new UnifiedKind(),
      new ConventionalKind(), new BlockQuantizerKind(), new BlockDotKind(), new GroupPeKind(), new ResidualAddKind(), new ExampleKind());

  private static final Map<String, DesignKind<?>> KINDS = new LinkedHashMap<>();

  static {
    BUILT_IN.forEach(DesignKinds::add);
  }

  private DesignKinds() {}

  private static synchronized void add(DesignKind<?> k) {
    if (KINDS.putIfAbsent(k.name(), k) != null) {
      throw new IllegalArgumentException("a design kind named '" + k.name() + "' is registered already");
    }
  }

  /**
   * Adds a kind (a test's own, or a plugin's) until the returned registration is closed; a name
   * taken already is refused.
   */
  public static Registration register(DesignKind<?> k) {
    add(k);
    return () -> {
      synchronized (DesignKinds.class) {
        KINDS.remove(k.name(), k);
      }
    };
  }

  /** A registration that ends when closed. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Every registered kind, in registration order. */
  public static synchronized List<DesignKind<?>> all() {
    return new ArrayList<>(KINDS.values());
  }

  /** The kind named {@code name}, if registered. */
  public static synchronized Optional<DesignKind<?>> find(String name) {
    return Optional.ofNullable(KINDS.get(name));
  }

  /** The kind named {@code name}; one line naming the known kinds otherwise. */
  public static DesignKind<?> named(String name) {
    return find(name).orElseThrow(() -> new ManifestException("no design kind '" + dev.qrtl.util.Printable.of(name) + "'; qrtl knows "
        + String.join(", ", all().stream().map(DesignKind::name).toList())));
  }

  /** The kind of a spec: the one whose spec record it is. */
  public static synchronized DesignKind<?> of(DesignSpec spec) {
    for (DesignKind<?> k : KINDS.values()) {
      if (k.specType().isPresent() && k.specType().get().isInstance(spec)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no design kind builds a " + spec.getClass().getSimpleName());
  }
}
