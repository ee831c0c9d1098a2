package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One MX unit beside its plain counterpart: a block dot product beside the int8 dot product of the
 * same length, a group-scaled PE beside the plain MAC; per operation and per MAC (a dot product of
 * K elements is K MACs), and the unit's figures over its baseline's (1.07 = 7 % more).
 *
 * @param macs multiply-accumulates per operation
 * @param baseline the unit this row is measured against (itself for a baseline row)
 */
@JsonPropertyOrder({"unit", "design", "operation", "macs", "areaUm2", "cells", "delayNs", "energyPj", "energyCi95Pj", "energyPerMacPj",
    "baseline", "areaOverBaseline", "energyOverBaseline"})
public record MxUnitRow(String unit, String design, String operation, int macs, double areaUm2, long cells, double delayNs, double energyPj,
    double energyCi95Pj, double energyPerMacPj, String baseline, double areaOverBaseline, double energyOverBaseline) {}
