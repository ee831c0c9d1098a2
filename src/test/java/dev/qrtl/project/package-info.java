/** Tests of the repository as a whole: what it carries, and that a clone of it alone is complete. */
package dev.qrtl.project;
