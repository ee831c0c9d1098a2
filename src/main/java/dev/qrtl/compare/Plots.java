package dev.qrtl.compare;

import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.ParetoPoint;
import dev.qrtl.results.ParetoResult;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.util.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The comparison's plots, each as PNG and SVG: area and energy per requantization against output
 * width (one line per scheme, log scale, at the widest accumulator of the run), and area against
 * energy for every unit (log-log). Colours are fixed per scheme so plots of different runs match.
 */
public final class Plots {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 520;
  private static final Color[] PALETTE = {new Color(0x1b9e77), new Color(0x66a61e), new Color(0x7570b3), new Color(0xd95f02),
      new Color(0xe7298a), new Color(0xa6761d), new Color(0x666666), new Color(0x1f78b4), new Color(0xb2df8a), new Color(0xfb9a99),
      new Color(0xcab2d6), new Color(0xff7f00)};
  /** The default sweep's forms, each with its own colour, the same in every run. */
  private static final List<String> FIXED = Schemes.defaultForms().stream().map(Schemes.Form::label).toList();

  /** The label that starts the Pareto plot's knee series, drawn apart. */
  private static final String KNEE = "knee: ";

  private Plots() {}

  /** Writes area-vs-bits, energy-vs-bits and area-energy plots into {@code dir}; returns their base names. */
  public static List<String> write(CompareResult r, Path dir) {
    System.setProperty("java.awt.headless", "true");
    int acc = r.rows().stream().mapToInt(CompareRow::accBits).max().orElse(32);
    String sub = r.library() + ", " + acc + "-bit accumulator";
    save(byWidth(r, acc, true, "Area per requantizer (" + sub + ")", "area (um^2)"), dir, "area-vs-bits");
    save(byWidth(r, acc, false, "Energy per requantization (" + sub + ")", "energy (pJ per operation)"), dir, "energy-vs-bits");
    save(scatter(r), dir, "area-energy");
    return List.of("area-vs-bits", "energy-vs-bits", "area-energy");
  }

  /** {@code pareto.png} and {@code .svg}: octave-mean RMS error against energy, the dyadic widths as one line, the front as another. */
  static void pareto(ParetoResult r, Path dir) {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries knee = new XYSeries(KNEE + "dyadic m = " + r.knee().m(), false, true);
    r.points().stream().filter(p -> p.m() != null && p.m().equals(r.knee().m())).forEach(p -> knee.add(p.energyPj(), p.rms()));
    if (!knee.isEmpty()) {
      data.addSeries(knee); // first: JFreeChart draws the series in reverse, so the knee's ring lies on top of the line
    }
    XYSeries dyadic = new XYSeries("dyadic m = 1..31", false, true);
    r.points().stream().filter(p -> p.m() != null).sorted(java.util.Comparator.comparingInt(ParetoPoint::m))
        .forEach(p -> dyadic.add(p.energyPj(), p.rms())); // joined in order of m
    for (ParetoPoint p : r.points()) {
      if (p.m() == null) {
        XYSeries one = new XYSeries(p.form());
        one.add(p.energyPj(), p.rms());
        data.addSeries(one);
      }
    }
    data.addSeries(dyadic);
    XYSeries front = new XYSeries("energy front", true, true);
    r.points().stream().filter(ParetoPoint::energyFront).forEach(p -> front.add(p.energyPj(), p.rms()));
    data.addSeries(front);
    save(chart("Error against energy, 32 -> 8 (" + r.library() + "; knee: dyadic m = " + r.knee().m() + ")", data,
        log("energy (pJ per operation)"), log("octave-mean RMS error (output LSB)"), true), dir, "pareto");
  }

  /** {@code mx-pareto.png} and {@code .svg}: SQNR against energy per element, one series per MX format (its block sizes and rules), the int8 references, the energy front. */
  static void mxPareto(dev.qrtl.results.MxParetoResult r, Path dir) {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    java.util.Map<String, XYSeries> byFormat = new java.util.LinkedHashMap<>();
    for (dev.qrtl.results.MxParetoPoint p : r.points()) {
      String family = p.block() == null ? p.form() : p.form().substring(0, p.form().indexOf(':'));
      byFormat.computeIfAbsent(family, f -> new XYSeries(f, false, true)).add(p.energyPj(), p.sqnrDb());
    }
    byFormat.values().forEach(data::addSeries);
    XYSeries front = new XYSeries("energy front", true, true);
    r.points().stream().filter(dev.qrtl.results.MxParetoPoint::energyFront).forEach(p -> front.add(p.energyPj(), p.sqnrDb()));
    data.addSeries(front);
    NumberAxis y = new NumberAxis("SQNR on " + r.distribution() + " (dB)");
    y.setAutoRangeIncludesZero(false);
    save(chart("MX formats: SQNR against energy per element (" + r.library() + ")", data, log("energy (pJ per element)"), y, true), dir,
        "mx-pareto");
  }

  private static JFreeChart byWidth(CompareResult r, int acc, boolean area, String title, String yLabel) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (String s : schemesIn(r)) {
      XYSeries series = new XYSeries(s);
      r.rows().stream().filter(x -> x.scheme().equals(s) && x.accBits() == acc)
          .forEach(x -> series.add(x.outBits(), area ? x.areaUm2() : x.energyPj()));
      if (!series.isEmpty()) {
        data.addSeries(series);
      }
    }
    NumberAxis x = new NumberAxis("output width (bits)");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setAutoRangeIncludesZero(false);
    return chart(title, data, x, log(yLabel), true);
  }

  private static JFreeChart scatter(CompareResult r) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (String s : schemesIn(r)) {
      XYSeries series = new XYSeries(s, false, true);
      r.rows().stream().filter(x -> x.scheme().equals(s)).forEach(x -> series.add(x.areaUm2(), x.energyPj()));
      data.addSeries(series);
    }
    return chart("Area and energy of every unit (" + r.library() + ")", data, log("area (um^2)"), log("energy (pJ per operation)"), false);
  }

  /** The schemes of the rows: the default sweep's in its order, then any other in the order of the rows. */
  private static List<String> schemesIn(CompareResult r) {
    java.util.Set<String> in = new java.util.LinkedHashSet<>();
    r.rows().forEach(x -> in.add(x.scheme()));
    List<String> out = new java.util.ArrayList<>(FIXED.stream().filter(in::contains).toList());
    in.stream().filter(s -> !FIXED.contains(s)).forEach(out::add);
    return out;
  }

  /** A default form keeps its colour; another takes the next colours after the fixed ones, by its place in the run. */
  private static Color colour(String scheme, List<String> inRun) {
    int i = FIXED.indexOf(scheme);
    if (i < 0) {
      i = FIXED.size() + inRun.stream().filter(s -> !FIXED.contains(s)).toList().indexOf(scheme);
    }
    return PALETTE[i % PALETTE.length];
  }

  private static LogAxis log(String label) {
    LogAxis a = new LogAxis(label);
    a.setBase(10);
    a.setSmallestValue(1e-4);
    a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // one tick per decade
    a.setNumberFormatOverride(new java.text.DecimalFormat("0.####", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
    a.setMinorTickMarksVisible(true);
    return a;
  }

  private static JFreeChart chart(String title, XYSeriesCollection data, org.jfree.chart.axis.ValueAxis x,
      org.jfree.chart.axis.ValueAxis y, boolean lines) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(lines, true);
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      keys.add((String) data.getSeriesKey(i));
    }
    List<String> coloured = keys.stream().filter(k -> !k.startsWith(KNEE)).toList(); // the knee takes no colour from the others
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, colour(keys.get(i), coloured));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      if (keys.get(i).startsWith(KNEE)) { // the point the study recommends: black, large, above every other series
        renderer.setSeriesPaint(i, Color.BLACK);
        renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesShapesFilled(i, false);
        renderer.setSeriesLinesVisible(i, false);
      }
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.RIGHT);
    return chart;
  }

  /** Writes {@code chart} as {@code <name>.png} and {@code <name>.svg} (fixed SVG ids: byte-identical for the same data). */
  public static void save(JFreeChart chart, Path dir, String name) {
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
      AtomicFiles.write(dir.resolve(name + ".png"), png.toByteArray());
      // rotated labels as <text> with a transform, not as glyph outlines (a per-layer axis of 60 names was 1.3 MB of paths)
      org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
      SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
      g2.setDefsKeyPrefix("qrtl-" + name); // fixed ids: the same data gives the same file
      chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
      AtomicFiles.write(dir.resolve(name + ".svg"), (g2.getSVGDocument() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plot " + name + ": " + e.getMessage(), e);
    }
  }
}
