/** Test support: the corpus of small designs, the tool gate and golden-file helpers. */
package dev.qrtl.testing;
