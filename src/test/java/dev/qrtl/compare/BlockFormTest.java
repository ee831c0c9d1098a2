package dev.qrtl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.MxFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The --schemes spelling of block quantizers: k lists continue past commas, the rule is optional, the other entries are left to the schemes. */
class BlockFormTest {
  @Test
  void blockFormsAreParsedBesideSchemes() {
    List<String> rest = new ArrayList<>();
    List<BlockForm> f = BlockForm.parse(List.of("shift-round", "mxint8:k=8", "16", "32", "dyadic:m=8", "mxfp4:k=32:rule=ceil", "tflite-double"),
        rest);
    assertEquals(List.of(new BlockForm(MxFormat.MXINT8, 8, ScaleRule.FLOOR), new BlockForm(MxFormat.MXINT8, 16, ScaleRule.FLOOR),
        new BlockForm(MxFormat.MXINT8, 32, ScaleRule.FLOOR), new BlockForm(MxFormat.MXFP4, 32, ScaleRule.CEIL)), f);
    assertEquals(List.of("shift-round", "dyadic:m=8", "tflite-double"), rest);
    assertEquals("mxfp4:k=32:rule=ceil", f.get(3).label());
    assertEquals("mxint8:k=8", f.get(0).label());
    assertTrue(f.get(0).unsupported(32, 4).orElseThrow().contains("8-bit elements"));
    assertTrue(f.get(0).unsupported(32, 8).isEmpty());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BlockForm.parse(List.of("mxint8:k=12"), new ArrayList<>())).getMessage()
        .contains("power of two"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BlockForm.parse(List.of("mxint8:q=2"), new ArrayList<>())).getMessage()
        .contains("use FORMAT:k=K"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BlockForm.parse(List.of("mxint9:k=8"), new ArrayList<>())).getMessage()
        .contains("unknown MX format"));
  }
}
