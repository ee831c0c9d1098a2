package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mx.BlockDotGenerator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.spec.BlockDotSpec;
import java.util.Optional;

/** Block dot products: two MX blocks to their dot product (exact, or into a binary32 accumulator), and the plain int8 one beside them. One operation is one block pair. */
final class BlockDotKind implements DesignKind<BlockDotSpec> {
  @Override
  public String name() {
    return "block-dot";
  }

  @Override
  public Optional<Class<BlockDotSpec>> specType() {
    return Optional.of(BlockDotSpec.class);
  }

  @Override
  public Module generate(BlockDotSpec spec) {
    return BlockDotGenerator.generate(spec);
  }

  @Override
  public boolean flatSynthesis() {
    return true;
  }

  @Override
  public String operation() {
    return "block dot product";
  }

  @Override
  public Workload workload(Manifest m, BlockDotSpec spec, Workload.Request r) {
    BlockDotRecords b = new BlockDotRecords(m, spec, r.stimulus(), r.operations(), r.seed(), r.energy());
    return new Workload(b, b.total(), r.operations(), r.stimulus().text() + (spec.scaled() ? " quantized to " + spec.format().cliName()
        : " per element"));
  }
}
