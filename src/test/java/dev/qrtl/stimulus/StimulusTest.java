package dev.qrtl.stimulus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one converter: every kind parses to its record and writes back the same text; bad texts are named. */
class StimulusTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"auto", "exhaustive", "corners", "uniform", "gaussian:sigma=250", "laplace:b=0.5", "products:k=64",
      "products:k=8,a_bits=4,sparsity=0.25,w_sigma=3"})
  void textRoundTrips(String text) {
    Stimulus s = Stimulus.parse(text);
    assertEquals(text, s.text());
    assertEquals(s, Stimulus.parse(s.text()));
  }

  @Test
  void eachKindIsItsOwnRecord() throws Exception {
    assertInstanceOf(AutoStimulus.class, Stimulus.parse(""));
    assertInstanceOf(ProductsStimulus.class, Stimulus.parse("products"));
    assertEquals(256, ((ProductsStimulus) Stimulus.parse("products")).k(), "the default K");
    Path npy = Files.write(dir.resolve("x.npy"), new byte[] {1});
    assertInstanceOf(NpyStimulus.class, Stimulus.parse(npy.toString()));
    assertTrue(Stimulus.parse("gaussian:sigma=10").realistic() && !Stimulus.parse("uniform").realistic());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "poisson:lambda=3|unknown stimulus 'poisson'",
      "gaussian:sigma=-2|must be positive",
      "gaussian:mu=3|stimulus gaussian has no parameter 'mu'",
      "uniform:k=3|stimulus uniform has no parameter 'k' (it takes none)",
      "products:k=0|k must be 1..2^20 terms, not 0",
      "products:k=2.5|k must be an integer",
      "products:sparsity=1|sparsity must be in [0, 1)",
      "products:k=3,k=4|given twice",
      "laplace:b|is not name=value",
      "laplace:b=x|is not a number"})
  void badTextsAreNamed(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stimulus.parse(text));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void samplersAreSeededAndClamped() {
    ValueSampler a = Stimulus.parse("gaussian:sigma=1000000").sampler(8, 7);
    ValueSampler b = Stimulus.parse("gaussian:sigma=1000000").sampler(8, 7);
    boolean hitBound = false;
    for (int i = 0; i < 1000; i++) {
      long v = a.next();
      assertEquals(v, b.next(), "the same seed draws the same values");
      assertTrue(v >= -128 && v <= 127, "clamped to 8 bits: " + v);
      hitBound |= v == 127 || v == -128;
    }
    assertTrue(hitBound, "a wide Gaussian saturates an 8-bit range");
    ValueSampler acts = Stimulus.parse("products:k=4,sparsity=0.9").activations(9, 1);
    long zeros = 0;
    for (int i = 0; i < 10_000; i++) {
      long v = acts.next();
      assertTrue(v >= 0, "ReLU activations are never negative: " + v);
      zeros += v == 0 ? 1 : 0;
    }
    assertTrue(zeros > 8800 && zeros < 9300, "about 90 % zeros (sparsity 0.9, 10,000 draws, seed 1): " + zeros);
  }
}
