/**
 * Energy per operation from switching activity: a mapped netlist simulated at gate level (with
 * and without cell delays) on the same stimulus sources as co-simulation, priced with the
 * library's internal-power tables, load capacitances and leakage, with a 95 % confidence interval
 * from batch means; and the fitted analytic model that estimates without synthesis.
 */
package dev.qrtl.energy;
