package dev.qrtl.compare;

import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A block quantizer as a comparison prices it beside the per-element requantizers: an MX format,
 * its block size K and scale rule ({@code mxfp4:k=32}, {@code mxint8:k=8,16,32,64},
 * {@code mxfp8-e4m3:k=32:rule=ceil}). Its input is the sweep's accumulator width with a constant
 * input exponent of 0 (an accumulator whose binary point the array fixes); its output width is the
 * element's, so it applies to the one output width that equals it. A comparison row of a block unit
 * gives area, NAND2 equivalents and energy per element (the unit's divided by K), so that the
 * ratios to a per-element requantizer compare like with like; cells, delay and Fmax are the
 * unit's.
 */
public record BlockForm(MxFormat format, int block, ScaleRule rule) {
  public BlockForm {
    if (block < 2 || block > BlockQuantizerSpec.MAX_BLOCK || Integer.bitCount(block) != 1) {
      throw new IllegalArgumentException("block size " + block + ": an MX block is a power of two from 2 to " + BlockQuantizerSpec.MAX_BLOCK);
    }
  }

  /** {@code mxfp4:k=32}, with {@code :rule=ceil} for the ceil rule. */
  public String label() {
    return format.cliName() + ":k=" + block + (rule == ScaleRule.CEIL ? ":rule=ceil" : "");
  }

  /** The unit at accumulator width {@code accBits}. */
  public BlockQuantizerSpec spec(int accBits, int pipeline) {
    return new BlockQuantizerSpec(format, block, BlockInput.integer(accBits, OptionalInt.of(0)), rule, Rounding.HALF_EVEN, false,
        ScaleOverflow.NAN, ZeroBlock.MIN, pipeline);
  }

  /** Why this form cannot be built at these widths, if it cannot. */
  public Optional<String> unsupported(int accBits, int outBits) {
    if (outBits != format.bits()) {
      return Optional.of(format.cliName() + " has " + format.bits() + "-bit elements");
    }
    if (accBits < 2 || accBits > BlockQuantizerSpec.MAX_INPUT_BITS) {
      return Optional.of("MX block inputs are 2 to " + BlockQuantizerSpec.MAX_INPUT_BITS + " bits");
    }
    return Optional.empty();
  }

  /** Whether a --schemes entry names a block form (every MX format's name starts with "mx"). */
  public static boolean names(String token) {
    return token.toLowerCase(Locale.ROOT).startsWith("mx");
  }

  /**
   * The block forms among {@code tokens} (a comma-split --schemes list, where bare numbers after an
   * entry continue its k list: {@code mxint8:k=8,16,32}); the other tokens go to {@code rest}.
   */
  public static List<BlockForm> parse(List<String> tokens, List<String> rest) {
    List<BlockForm> out = new ArrayList<>();
    String current = null;
    for (String raw : tokens) {
      String t = raw.strip();
      if (names(t)) {
        current = t;
        out.addAll(parseOne(t));
      } else if (current != null && t.matches("[0-9]+")) {
        String base = current.replaceFirst(":k=[0-9]+", ":k=" + t);
        out.addAll(parseOne(base.contains(":k=") ? base : current + ":k=" + t));
      } else {
        current = null;
        rest.add(raw);
      }
    }
    return out;
  }

  private static List<BlockForm> parseOne(String t) {
    String[] parts = t.split(":");
    MxFormat f = MxFormat.parse(parts[0]);
    int k = 32;
    ScaleRule rule = ScaleRule.FLOOR;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (p.matches("k=[0-9]{1,4}")) {
        k = Integer.parseInt(p.substring(2));
      } else if (p.equals("rule=floor") || p.equals("rule=ceil")) {
        rule = p.endsWith("ceil") ? ScaleRule.CEIL : ScaleRule.FLOOR;
      } else {
        throw new IllegalArgumentException("block form '" + dev.qrtl.util.Printable.of(t) + "': use FORMAT:k=K[:rule=floor|ceil], as in mxfp4:k=32");
      }
    }
    return List.of(new BlockForm(f, k, rule));
  }
}
