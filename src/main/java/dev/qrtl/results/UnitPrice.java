package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one hardware unit costs: its area, and its energy per operation (one requantization, or
 * one multiply-accumulate for a processing element) with the 95 % confidence interval, measured
 * on {@code stimulus} by {@code model} (the gate-level simulation of its mapped netlist).
 *
 * @param parameterBits run-time parameter bits the unit reads per output channel (its scale, shift,
 *     multiplier, zero point or thresholds; not the bias)
 */
@JsonPropertyOrder({"design", "areaUm2", "energyPj", "energyCi95Pj", "delayNs", "parameterBits", "stimulus", "model"})
public record UnitPrice(String design, double areaUm2, double energyPj, double energyCi95Pj, double delayNs, int parameterBits,
    String stimulus, String model) {}
