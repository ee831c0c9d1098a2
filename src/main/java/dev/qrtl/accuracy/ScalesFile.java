package dev.qrtl.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.stimulus.NpyReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Per-channel real scales from a file someone else wrote: a JSON array of numbers, a CSV of
 * numbers (one or more per line, an optional header line {@code scale}), or a float32/float64
 * {@code .npy}. Every value must be a positive finite number; a malformed file, a bad value or a
 * list of the wrong length is refused with one line naming the file and the value.
 */
public final class ScalesFile {
  /** More channels than any layer has; a bigger file is a mistake. */
  static final int MAX_CHANNELS = 1 << 16;

  private ScalesFile() {}

  /** The scales in {@code file}; {@code expected} channels if positive (0: any number). */
  public static List<Double> read(Path file, int expected) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("scales file " + file + " does not exist or is not a readable file");
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    List<Double> scales;
    try {
      if (Files.size(file) > 64L << 20) {
        throw new IllegalArgumentException("scales file " + file + " is larger than 64 MiB");
      }
      if (name.endsWith(".npy")) {
        scales = new ArrayList<>();
        for (double d : NpyReader.readDoubles(file)) {
          scales.add(d);
        }
      } else if (name.endsWith(".json")) {
        scales = json(file);
      } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
        scales = csv(file);
      } else {
        throw new IllegalArgumentException("scales file " + file + " is not .json, .csv or .npy");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scales file " + file + ": " + e.getMessage());
    }
    if (scales.isEmpty()) {
      throw new IllegalArgumentException("scales file " + file + " holds no scales");
    }
    if (scales.size() > MAX_CHANNELS) {
      throw new IllegalArgumentException("scales file " + file + " holds " + scales.size() + " scales, more than " + MAX_CHANNELS);
    }
    if (expected > 0 && scales.size() != expected) {
      throw new IllegalArgumentException("scales file " + file + " holds " + scales.size() + " scales, but --channels is " + expected);
    }
    for (int i = 0; i < scales.size(); i++) {
      try {
        RealScaleModel.checkScale(scales.get(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("scales file " + file + ", channel " + i + ": " + e.getMessage());
      }
    }
    return scales;
  }

  private static List<Double> json(Path file) throws IOException {
    JsonNode root;
    try {
      root = dev.qrtl.util.StrictJson.builder().build().readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("scales file " + file + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("scales file " + file + " must hold a JSON array of numbers");
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      if (!n.isNumber()) {
        throw new IllegalArgumentException("scales file " + file + ", channel " + i + ": " + printable(n.toString()) + " is not a number");
      }
      out.add(n.asDouble());
    }
    return out;
  }

  private static List<Double> csv(Path file) throws IOException {
    List<Double> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      boolean first = true;
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build().parse(r)) {
        for (String cell : rec) {
          if (first && cell.equalsIgnoreCase("scale")) {
            continue;
          }
          try {
            out.add(Double.parseDouble(cell));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scales file " + file + ", line " + rec.getRecordNumber() + ": '" + printable(cell)
                + "' is not a number");
          }
        }
        first = false;
      }
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalArgumentException("scales file " + file + " is not valid CSV: " + e.getMessage());
    }
    return out;
  }

  private static String printable(String text) {
    String t = text.replaceAll("\\p{Cntrl}", "?");
    return t.length() > 40 ? t.substring(0, 40) + "..." : t;
  }
}
