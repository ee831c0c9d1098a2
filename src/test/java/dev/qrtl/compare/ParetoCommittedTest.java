package dev.qrtl.compare;

import dev.qrtl.results.ParetoPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.accuracy.AccuracyConfig;
import dev.qrtl.accuracy.AccuracyStudy;
import dev.qrtl.results.ErrorRow;
import dev.qrtl.results.Interval;
import dev.qrtl.accuracy.ScaleChoice;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed Pareto studies hold together: every file is there, the fronts and the knee follow
 * from the listed points, the 2 % margin lies outside both intervals, and the error of the
 * baseline and of the knee's neighbours reproduces from the golden models (the cost side is held
 * by the comparison's own committed-results test).
 */
class ParetoCommittedTest {
  @ParameterizedTest
  @ValueSource(strings = {"qrtl_default45", "NangateOpenCellLibrary"})
  void committedFrontAndKneeFollowFromTheirPoints(String library) throws Exception {
    Path dir = Path.of("docs/results", library);
    for (String ext : new String[] {"md", "csv", "json", "png", "svg"}) {
      assertTrue(Files.size(dir.resolve("pareto." + ext)) > 100, library + ": pareto." + ext);
    }
    JsonNode r = ManifestIo.mapper().readTree(Files.readString(dir.resolve("pareto.json")));
    assertTrue(r.get("samples").asInt() >= 100_000, "at least 10^5 samples per scale");
    List<ParetoPoint> points = new ArrayList<>();
    for (JsonNode p : r.get("points")) {
      points.add(new ParetoPoint(p.get("form").asText(), p.has("m") ? p.get("m").asInt() : null, p.get("cost").asText(),
          p.get("areaUm2").asDouble(), p.get("energyPj").asDouble(), p.get("rms").asDouble(),
          new Interval(p.get("rmsCi").get("low").asDouble(), p.get("rmsCi").get("high").asDouble()), p.get("worstRms").asDouble(),
          p.get("energyFront").asBoolean(), p.get("areaFront").asBoolean()));
    }
    assertEquals(points, ParetoStudy.fronts(points), library + ": the fronts follow from the points");
    assertEquals(31, points.stream().filter(p -> p.m() != null).count(), "dyadic m = 1..31");
    ParetoPoint baseline = points.stream().filter(p -> p.form().equals(Schemes.BASELINE)).findFirst().orElseThrow();
    ParetoPoint knee = points.stream().filter(p -> p.m() != null && p.rms() <= ParetoStudy.KNEE_MARGIN * baseline.rms()).findFirst()
        .orElseThrow();
    assertEquals(knee.m().intValue(), r.get("knee").get("m").asInt(), library + ": the knee is the smallest m within 2 %");
    double margin = (ParetoStudy.KNEE_MARGIN - 1) * baseline.rms();
    assertTrue(baseline.rmsCi().high() - baseline.rmsCi().low() < margin, "the 2 % margin is wider than the baseline's interval");
    assertTrue(knee.rmsCi().high() - knee.rmsCi().low() < margin, "and than the knee's");
    // the error side reproduces from the golden models
    List<String> check = new ArrayList<>(List.of(Schemes.BASELINE, "dyadic:m=" + knee.m()));
    if (knee.m() > 1) {
      check.add("dyadic:m=" + (knee.m() - 1));
    }
    AccuracyConfig c = new AccuracyConfig(check.stream().map(Schemes::form).toList(), 32, 8, Stimulus.parse(r.get("stimulus").asText()),
        r.get("seed").asLong(), r.get("samples").asInt(), KRule.NEAREST, 0, new ScaleChoice.Calibrated(), r.get("octavePoints").asInt());
    for (ErrorRow row : AccuracyStudy.run(c).rows()) {
      if (row.view().equals("octave mean")) {
        ParetoPoint p = points.stream().filter(x -> x.form().equals(row.form())).findFirst().orElseThrow();
        assertEquals(p.rms(), row.metrics().rms(), 1e-12, library + ": " + row.form() + "'s committed error reproduces");
      }
    }
  }
}
