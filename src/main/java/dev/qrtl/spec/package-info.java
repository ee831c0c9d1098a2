/**
 * Names shared by generators and golden models: the vocabulary of the arithmetic specification
 * (rounding rules), holding no arithmetic, so sharing it cannot couple the two implementations.
 */
package dev.qrtl.spec;
