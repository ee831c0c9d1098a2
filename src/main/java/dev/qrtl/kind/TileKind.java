package dev.qrtl.kind;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.spec.DesignSpec;

/**
 * What the MAC kinds share: whole tiles driven cycle by cycle with the documented protocol
 * ({@link TileRecords}), arrays synthesized with their hierarchy, energy per output value.
 */
abstract class TileKind<S extends DesignSpec> implements DesignKind<S> {
  @Override
  public boolean flatSynthesis() {
    return false;
  }

  @Override
  public String operation() {
    return "output value";
  }

  /** The tile stream's view of a design of this kind: its array, requantizer stages, own parameters and tile model. */
  abstract TileModel tileModel(S spec);

  TileModel tileModelAny(DesignSpec spec) {
    return tileModel(cast(spec));
  }

  @Override
  public Workload workload(Manifest m, S spec, Workload.Request r) {
    TileRecords t = new TileRecords(m, tileModel(spec), r.stimulus(), r.operations(), r.seed());
    return new Workload(t, t.total(), t.outputValues(), t.describe());
  }
}
