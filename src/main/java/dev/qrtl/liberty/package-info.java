/**
 * Liberty (.lib) cell libraries: a tolerant parser of the group/attribute syntax, the typed model
 * qrtl needs (units, corner, cells with area, leakage, pin capacitances, timing and internal-power
 * tables), and the condensing of any library into the compact form qrtl embeds as its default.
 */
package dev.qrtl.liberty;
