/**
 * Gate-level simulation of mapped netlists, the basis of activity-based energy estimates: every
 * library cell evaluated from its Liberty function, hierarchy expanded, transitions counted per
 * net at zero delay or with the cells' Liberty delays (so glitches count), and priced by the
 * library's internal-power tables, pin capacitances and leakage.
 */
package dev.qrtl.power;
