/**
 * Requantizer generators, one per scheme: shift-round (and its floor form), the TFLite
 * fixed-point multiplier with double or single rounding, the float32 scale and the
 * multi-threshold unit. Each is a pure function of a validated spec record and names its module
 * from every parameter that changes the logic.
 */
package dev.qrtl.gen.quant;
