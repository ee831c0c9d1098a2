package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.spec.DesignSpec;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of unit qrtl builds: a requantizer, a MAC array, a unified module, a conventional
 * pipeline, a hand-built example, and whatever comes next. A kind brings everything the pipeline
 * needs to know about its designs, in one place: the spec record its manifests carry, the
 * generator, the records that drive it in co-simulation and energy runs (its golden or
 * transaction model inside them, and the shape of its stimulus), how it is synthesized and what
 * one operation of its energy figure is. Kinds are registered in {@link DesignKinds}; no code
 * outside that registry and the kinds themselves asks a design for its kind by name.
 *
 * @param <S> the spec record of this kind's designs
 */
public interface DesignKind<S extends DesignSpec> {
  /** The manifest's {@code kind} ({@code quantizer}, {@code mac-array}, ...). */
  String name();

  /** The spec record this kind's manifests carry as typed JSON; empty for designs built by hand, which carry none. */
  Optional<Class<S>> specType();

  /** The hardware (a pure function of the spec). */
  Module generate(S spec);

  /** Whether synthesis flattens the design (a small unit) or keeps its hierarchy (an array: identical PEs synthesized once). */
  boolean flatSynthesis();

  /** What one operation of this kind's energy figure is ({@code requantization}, {@code output value}). */
  String operation();

  /**
   * The records that drive a design of this kind (the manifest {@code m} of spec {@code spec}):
   * inputs drawn from the request's stimulus in this kind's shape, expected outputs from its golden
   * model, and how many operations they make.
   */
  Workload workload(Manifest m, S spec, Workload.Request request);

  /** The spec of a format-1 manifest of this kind (its generator parameters as strings), for manifests users already have. */
  default S fromFormat1(Map<String, String> params) {
    throw new ManifestException("format-1 manifests of kind '" + name() + "' do not exist; write the typed spec (format 2)");
  }

  /** {@link #generate} for a spec known only by its interface. */
  default Module generateAny(DesignSpec spec) {
    return generate(cast(spec));
  }

  /** {@link #workload} for a spec known only by its interface. */
  default Workload workloadAny(Manifest m, DesignSpec spec, Workload.Request request) {
    return workload(m, cast(spec), request);
  }

  /** {@code spec} as this kind's record; one line if it is another kind's. */
  default S cast(DesignSpec spec) {
    Class<S> type = specType().orElseThrow(() -> new ManifestException("designs of kind '" + name() + "' carry no spec"));
    if (!type.isInstance(spec)) {
      throw new IllegalArgumentException("a " + spec.getClass().getSimpleName() + " is not a spec of kind '" + name() + "'");
    }
    return type.cast(spec);
  }
}
