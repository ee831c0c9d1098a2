package dev.qrtl.compare;

import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.scheme.Scheme;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.Cases;
import dev.qrtl.testing.Golden;
import dev.qrtl.util.Hashing;
import dev.qrtl.verilog.DesignWriter;
import dev.qrtl.verilog.VerilogEmitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every design qrtl generates for its users, as bytes: the default designs, every comparison
 * unit (each scheme's forms at 32 and at the network bill's accumulator widths, 4, 8 and 16 output
 * bits, combinational and with 1, 3 and 8 stages, for a realistic and a uniform stimulus), the
 * plain (full-width) forms the proofs compare with, the network-level designs, and every design of
 * the test case registry and its lint matrix: the SHA-256 of each file written (Verilog and
 * manifest) against {@code golden/design-digests.txt}. A refactoring that should change no
 * output must leave this file as it is; {@code -Dgolden.update=true} rewrites it on purpose.
 */
class GeneratedDesignsDigestTest {
  @TempDir Path dir;

  private final TreeMap<String, String> digests = new TreeMap<>();
  private int designs;

  private void add(String group, GeneratedDesign d) throws IOException {
    Path into = dir.resolve(group);
    Designs.write(d, into);
    designs++;
  }

  private void addPlain(String group, dev.qrtl.core.Module m) throws IOException {
    DesignWriter.write(m, VerilogEmitter.emit(m), "plain", null, dir.resolve(group));
    designs++;
  }

  @Test
  void everyGeneratedFileIsWhatItWas() throws IOException {
    for (GeneratedDesign d : DefaultDesigns.all()) {
      add("defaults", d);
    }
    for (String stim : List.of("products:k=64", "uniform")) {
      Stimulus s = Stimulus.parse(stim);
      for (Schemes.Form f : Schemes.defaultForms()) {
        for (int acc : new int[] {16, 19, 21, 24, 26, 32}) {
          for (int out : new int[] {4, 8, 16}) {
            if (out >= acc || f.scheme().unsupported(acc, out).isPresent()) {
              continue;
            }
            for (int p : new int[] {0, 1, 3, 8}) {
              QuantizerSpec q = f.scheme().forComparison(f.form(), acc, out, s, p);
              add("compare-" + stim.replace(':', '_').replace('=', '_'), Designs.generate(q));
              if (p == 0) {
                var plain = f.scheme().generatePlainAny(q);
                if (plain.isPresent()) {
                  addPlain("plain", plain.get());
                }
              }
            }
          }
        }
      }
    }
    for (NetworkDesigns.Config n : NetworkDesigns.configs(Stimulus.parse("products:k=64"))) {
      for (NetworkDesigns.Stage st : n.stages()) {
        if (st.requant() != null) {
          add("network", Designs.generate(st.requant()));
        } else {
          DesignWriter.write(st.module(), "example", null, dir.resolve("network"));
          designs++;
        }
      }
    }
    for (Cases.Quantizer q : Cases.lintMatrix()) {
      add("cases", Designs.generate(q.spec()));
    }
    for (Cases.Array a : Cases.arrays()) {
      add("cases", Designs.generate(a.spec()));
    }
    for (Cases.Quantizer q : Cases.quantizers()) {
      Scheme<?> sch = Schemes.named(q.spec().scheme());
      var plain = sch.generatePlainAny(q.spec());
      if (plain.isPresent()) {
        addPlain("plain", plain.get());
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        digests.put(dir.relativize(f).toString(), Hashing.sha256(Files.readAllBytes(f)));
      }
    }
    StringBuilder b = new StringBuilder("# SHA-256 of every file qrtl writes for the designs of GeneratedDesignsDigestTest (" + designs
        + " designs, " + digests.size() + " files)\n");
    digests.forEach((f, h) -> b.append(h).append("  ").append(f).append('\n'));
    Golden.check("design-digests.txt", b.toString());
    System.out.printf("design digests: %d designs, %d files, every one as recorded%n", designs, digests.size());
  }

}
