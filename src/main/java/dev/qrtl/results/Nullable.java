package dev.qrtl.results;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a results record that may be null or absent in its file (a ratio the baseline row
 * does not have, a verification a run did not record). Every other component must be there:
 * {@link ResultFiles} refuses a file that leaves one out, naming it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {}
