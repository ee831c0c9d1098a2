package dev.qrtl.energy;

import java.util.Map;

/**
 * Energy per operation under one timing model, in pJ.
 *
 * @param totalPj mean energy per operation
 * @param ci95Pj half-width of the 95 % confidence interval of the mean (Student t over batch means)
 * @param combinationalPj switching of combinational cells and of the unit's input pins
 * @param sequentialPj flip-flop outputs and clock pins
 * @param leakagePj leakage over one clock period per operation
 * @param byGroupPj total per operation split by the top module's child module types ("top": cells of the top itself)
 */
public record EnergyEstimate(double totalPj, double ci95Pj, double combinationalPj, double sequentialPj, double leakagePj,
    Map<String, Double> byGroupPj) {}
