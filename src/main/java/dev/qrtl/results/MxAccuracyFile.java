package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.util.ResultFormat;
import java.util.List;

/**
 * {@code mx-error.json}: the MX accuracy study. Data of each distribution as a rows x channels
 * matrix with MX blocks along the channels (the reduction axis), quantized by the block quantizer's
 * golden model from binary32 values, beside int8 with one scale per tensor and one per channel.
 */
@JsonPropertyOrder({"format", "qrtl", "rows", "channels", "seed", "rounding", "results"})
@JsonIgnoreProperties(value = "format", allowGetters = true)
public record MxAccuracyFile(String qrtl, int rows, int channels, long seed, String rounding, List<MxErrorRow> results) {
  public MxAccuracyFile {
    results = results == null ? null : List.copyOf(results); // absent: named by ResultFiles
  }

  @JsonProperty("format")
  public String format() {
    return ResultFormat.MX_ACCURACY.id();
  }
}
