package dev.qrtl.accuracy;

import java.util.List;

/** Which real scales a study measures at. */
public sealed interface ScaleChoice {
  /** In words, for reports. */
  String describe();

  /** The scale a calibration would choose for the data: three spreads onto the output's largest value. */
  record Calibrated() implements ScaleChoice {
    @Override
    public String describe() {
      return "calibrated: output maximum / (3 x the data's spread)";
    }
  }

  /** One per-tensor scale. */
  record Given(double scale) implements ScaleChoice {
    @Override
    public String describe() {
      return "given: " + scale;
    }
  }

  /** One scale per output channel; the samples are dealt to the channels in turn. */
  record PerChannel(List<Double> scales) implements ScaleChoice {
    public PerChannel {
      scales = List.copyOf(scales);
    }

    @Override
    public String describe() {
      return scales.size() + " per-channel scales";
    }
  }
}
