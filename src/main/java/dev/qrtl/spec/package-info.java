/**
 * What a design is, as validated records: the requantizer of each scheme, the output format, MAC
 * arrays, the unified module and the conventional pipeline, and the rounding rules. The records
 * hold parameters and their checks, no arithmetic and no hardware, so that generators and golden
 * models can both take them without coupling the two implementations. Depends on nothing else in
 * qrtl.
 */
package dev.qrtl.spec;
