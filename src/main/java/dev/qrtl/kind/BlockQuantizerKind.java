package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mx.BlockQuantizerGenerator;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.spec.BlockQuantizerSpec;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * OCP MX block quantizers: K values to an E8M0 scale and K elements ({@code docs/microscaling.md}).
 * One operation of the energy figure is one block.
 */
final class BlockQuantizerKind implements DesignKind<BlockQuantizerSpec> {
  @Override
  public String name() {
    return "block-quantizer";
  }

  @Override
  public Optional<Class<BlockQuantizerSpec>> specType() {
    return Optional.of(BlockQuantizerSpec.class);
  }

  @Override
  public Module generate(BlockQuantizerSpec spec) {
    Module m = BlockQuantizerGenerator.generate(spec, Structure.LEAN);
    Set<String> data = new HashSet<>();
    for (int i = 0; i < spec.block(); i++) {
      data.add("x" + i);
    }
    ParamCheck.check(m, spec.params(), data);
    return m;
  }

  @Override
  public boolean flatSynthesis() {
    return true;
  }

  @Override
  public String operation() {
    return "block";
  }

  @Override
  public Workload workload(Manifest m, BlockQuantizerSpec spec, Workload.Request r) {
    BlockRecords b = new BlockRecords(m, spec, r.stimulus(), r.operations(), r.seed(), r.paramPeriod(), r.energy());
    return new Workload(b, b.total(), r.operations(), r.stimulus().text() + " per element");
  }
}
