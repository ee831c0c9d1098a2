package dev.qrtl.cosim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.util.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the records {@code qrtl cosim} would check as JSON for other test benches (the cocotb
 * ones): {@code {"top", "clock", "inputs": [names], "outputs": [names], "output_signed",
 * "records": [[check, inputs..., expected outputs...], ...]}}, values in decimal by each port's
 * signedness. Per record: set the inputs, let them settle, compare the outputs when check is 1,
 * then give the clock one rising edge.
 */
public final class VectorFile {
  private VectorFile() {}

  public static long write(Manifest m, CosimOptions o, Path out) {
    Cosim.Plan plan = Cosim.planFor(m, o);
    PortLayout layout = PortLayout.of(m);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = ManifestIo.mapper().getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("top", m.top());
      g.writeStringField("clock", m.clock());
      g.writeStringField("stimulus", plan.stimulus());
      g.writeNumberField("seed", o.seed());
      g.writeArrayFieldStart("inputs");
      for (PortSpec p : layout.inputs()) {
        g.writeString(p.name());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("outputs");
      for (PortSpec p : layout.outputs()) {
        g.writeString(p.name());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("output_signed");
      for (PortSpec p : layout.outputs()) {
        g.writeBoolean(p.signed());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("records");
      int rec = layout.recordWords();
      int batch = 4096;
      long[] buf = new long[batch * rec];
      long done = 0;
      while (done < plan.records()) {
        int n = (int) Math.min(batch, plan.records() - done);
        plan.source().fill(buf, n);
        for (int r = 0; r < n; r++) {
          g.writeStartArray();
          g.writeNumber(buf[r * rec] != 0 ? 1 : 0);
          for (int i = 0; i < layout.inputs().size(); i++) {
            g.writeNumber(new java.math.BigInteger(Cosim.value(layout.inputs().get(i), buf, r * rec + layout.inputOffset(i)).decimal()));
          }
          for (int i = 0; i < layout.outputs().size(); i++) {
            g.writeNumber(new java.math.BigInteger(Cosim.value(layout.outputs().get(i), buf, r * rec + layout.outputOffset(i)).decimal()));
          }
          g.writeEndArray();
        }
        done += n;
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write vectors: " + e.getMessage(), e);
    }
    AtomicFiles.write(out, bytes.toByteArray());
    return plan.records();
  }
}
