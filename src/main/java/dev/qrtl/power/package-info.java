/**
 * Gate-level simulation of mapped netlists, the basis of activity-based energy estimates: every
 * library cell evaluated from its Liberty function, toggles counted per net.
 */
package dev.qrtl.power;
