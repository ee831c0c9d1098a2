package dev.qrtl.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.QrtlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records are the schema of the results files: every committed results file reads into its
 * record and that record gives back the same JSON, field for field and in order (so nothing in a
 * file is outside its record and nothing is lost); a file missing a required component, with an
 * unknown field or of another kind is refused in one line naming the file and the field.
 */
class ResultFilesTest {
  private static final Path RESULTS = Path.of("docs/results");
  private static final ObjectMapper WRITER = ManifestIo.mapper();

  @TempDir Path tmp;

  /** The reader of a committed results file by its name, or null for files that are not results. */
  private static Function<Path, Object> readerOf(String name) {
    return switch (name) {
      case "comparison.json" -> ResultFiles::comparison;
      case "network.json" -> ResultFiles::network;
      case "pareto.json" -> ResultFiles::pareto;
      case "unified-vs-conventional.json" -> ResultFiles::pipelines;
      case "mx-error.json" -> ResultFiles::mxAccuracy;
      case "mx-pareto.json" -> ResultFiles::mxPareto;
      case "mx-units.json" -> ResultFiles::mxUnits;
      default -> name.startsWith("error") && name.endsWith(".json") ? ResultFiles::accuracy : null;
    };
  }

  @Test
  void everyCommittedResultsFileIsItsRecordFieldForField() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(RESULTS)) {
      s.filter(Files::isRegularFile).filter(f -> readerOf(f.getFileName().toString()) != null).sorted().forEach(files::add);
    }
    assertTrue(files.size() >= 15, "committed results files: " + files.size());
    int kinds = 0;
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    for (Path f : files) {
      Object record = readerOf(f.getFileName().toString()).apply(f);
      seen.add(record.getClass());
      String fromFile = WRITER.writeValueAsString(WRITER.readTree(f.toFile()));
      String fromRecord = WRITER.writeValueAsString(WRITER.valueToTree(record));
      assertEquals(fromFile, fromRecord, f + ": the record does not give back the file");
    }
    assertEquals(8, seen.size(), "every results kind among the committed files: " + seen);
    System.out.println("results schema: " + files.size() + " committed results files of " + seen.size() + " kinds read into their records and back, equal");
  }

  private Path comparisonWith(Function<ObjectNode, JsonNode> damage) throws Exception {
    Path committed = RESULTS.resolve("qrtl_default45").resolve("comparison.json");
    ObjectNode o = (ObjectNode) WRITER.readTree(committed.toFile());
    damage.apply(o);
    Path f = tmp.resolve("comparison.json");
    Files.writeString(f, WRITER.writeValueAsString(o));
    return f;
  }

  private static String refusal(Path f) {
    return assertThrows(QrtlException.class, () -> ResultFiles.comparison(f)).getMessage();
  }

  @Test
  void aMissingRequiredComponentIsNamedWithItsPath() throws Exception {
    Path f = comparisonWith(o -> ((ObjectNode) o.withArray("rows").get(3)).remove("design"));
    String m = refusal(f);
    assertTrue(m.startsWith(f.toString()) && m.contains("rows[3].design is missing"), m);
    f = comparisonWith(o -> o.remove("library"));
    assertTrue(refusal(f).contains(": library is missing"), refusal(f));
    f = comparisonWith(o -> ((ObjectNode) o.withArray("network").get(0)).putNull("stages"));
    assertTrue(refusal(f).contains("network[0].stages is missing"), refusal(f));
    // a primitive left out is refused by the reader, not read as 0
    f = comparisonWith(o -> ((ObjectNode) o.withArray("rows").get(0)).remove("areaUm2"));
    assertTrue(refusal(f).contains("areaUm2"), refusal(f));
    assertEquals(1, refusal(f).lines().count());
  }

  @Test
  void aNullableComponentMayBeAbsentAndOthersMayNot() throws Exception {
    Path f = comparisonWith(o -> {
      ObjectNode row = (ObjectNode) o.withArray("rows").get(0);
      row.remove("verification");
      row.remove("error");
      return row.putNull("baselineAreaRatio");
    });
    CompareResult r = ResultFiles.comparison(f);
    assertEquals(null, r.rows().get(0).verification());
    assertEquals(null, r.rows().get(0).baselineAreaRatio());
  }

  @Test
  void unknownFieldsWrongTypesAndOtherKindsAreRefused() throws Exception {
    Path f = comparisonWith(o -> ((ObjectNode) o.withArray("rows").get(1)).put("areaUm3", 1.0));
    assertTrue(refusal(f).contains("areaUm3") && refusal(f).contains("rows[1]"), refusal(f));
    f = comparisonWith(o -> ((ObjectNode) o.withArray("rows").get(1)).put("accBits", 16.5));
    assertTrue(refusal(f).contains("rows[1].accBits"), refusal(f));
    f = comparisonWith(o -> ((ObjectNode) o.withArray("rows").get(1)).put("areaUm2", "12"));
    assertTrue(refusal(f).contains("rows[1].areaUm2"), refusal(f));
    f = comparisonWith(o -> o.put("format", "qrtl-network-1"));
    assertTrue(refusal(f).contains("network result"), refusal(f));
    f = comparisonWith(o -> ((ArrayNode) o.withArray("skipped")).addNull());
    assertTrue(refusal(f).matches(".*skipped\\[[0-9]+\\] is missing.*"), refusal(f));
  }

  @Test
  void aQuantizedLayerFromAModelFileRoundTripsWithItsDerivedFieldsLeftToTheRecord() throws Exception {
    Quantization q = new Quantization(new double[] {0.5, 0.25}, 0.125, 3, true, -2, new long[] {0, 1}, true);
    Layer l = new Layer("conv1", Layer.Op.CONV, 4, 2, 3, 3, 1, 1, 8, 8, 1, 2, false, true, q, new Activation(Activation.Kind.RELU, "Relu node"), null, null);
    String json = WRITER.writeValueAsString(l);
    assertTrue(json.contains("\"macs\"") && json.contains("\"weightZeroPoints\""), json);
    Layer back = dev.qrtl.util.StrictJson.builder().build().readValue(json, Layer.class);
    assertEquals(json, WRITER.writeValueAsString(back));
    assertEquals(l.macs(), back.macs());
  }
}
