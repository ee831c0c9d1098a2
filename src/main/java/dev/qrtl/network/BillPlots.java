package dev.qrtl.network;

import dev.qrtl.results.NetworkBill;
import dev.qrtl.compare.Plots;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.GroupedStackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.KeyToGroupMap;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The bill's two plots: energy per layer, MAC and requantization stacked, one stack per scheme
 * ({@code energy-per-layer}); and the network totals per scheme, MAC, unified and conventional
 * requantization ({@code totals}).
 */
final class BillPlots {
  private static final Color MAC = new Color(0xbdbdbd);
  private static final Color[] SCHEME = {new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3), new Color(0xe7298a),
      new Color(0x66a61e), new Color(0xe6ab02), new Color(0xa6761d), new Color(0x666666)};

  private BillPlots() {}

  static void write(NetworkBill b, Path dir) {
    Plots.save(perLayer(b), dir, "energy-per-layer");
    Plots.save(totals(b), dir, "totals");
  }

  private static JFreeChart perLayer(NetworkBill b) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    List<String> schemes = b.totals().stream().map(NetworkBill.Total::scheme).toList();
    KeyToGroupMap groups = new KeyToGroupMap(schemes.isEmpty() ? "none" : schemes.get(0));
    for (String s : schemes) {
      groups.mapKeyToGroup(s + ": MAC", s);
      groups.mapKeyToGroup(s + ": requantization", s);
    }
    int i = 0;
    for (NetworkBill.LayerBill l : b.layers()) {
      String layer = (++i) + " " + l.layer().name();
      for (String s : schemes) {
        var c = l.schemes().stream().filter(x -> x.scheme().equals(s)).findFirst();
        d.addValue(l.macs() * l.macEnergyPj() / 1e6, s + ": MAC", layer);
        d.addValue(c.map(x -> x.unifiedPj() / 1e6).orElse(0.0), s + ": requantization", layer);
      }
    }
    GroupedStackedBarRenderer r = new GroupedStackedBarRenderer();
    r.setSeriesToGroupMap(groups);
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(0.05);
    for (int s = 0; s < schemes.size(); s++) {
      r.setSeriesPaint(2 * s, MAC);
      r.setSeriesPaint(2 * s + 1, SCHEME[s % SCHEME.length]);
    }
    CategoryAxis x = new CategoryAxis("layer");
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, b.layers().size() > 30 ? 6 : 9));
    CategoryPlot plot = new CategoryPlot(d, x, new NumberAxis("uJ per inference (MAC grey, requantization per scheme)"), r);
    org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
    legend.add(new org.jfree.chart.LegendItem("MAC (one bar per scheme)", MAC));
    for (int s = 0; s < schemes.size(); s++) {
      legend.add(new org.jfree.chart.LegendItem(schemes.get(s) + ": requantization", SCHEME[s % SCHEME.length]));
    }
    plot.setFixedLegendItems(legend);
    return chart(b.network() + ": energy per layer and inference (" + b.library() + ")", plot);
  }

  private static JFreeChart totals(NetworkBill b) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (NetworkBill.Total t : b.totals()) {
      d.addValue(t.macPj() / 1e6, "MAC", t.scheme());
      d.addValue(t.unifiedPj() / 1e6, "requantization (unified)", t.scheme());
      d.addValue((t.conventionalPj() - t.unifiedPj()) / 1e6, "conventional's second requantization", t.scheme());
    }
    org.jfree.chart.renderer.category.StackedBarRenderer r = new org.jfree.chart.renderer.category.StackedBarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, MAC);
    r.setSeriesPaint(1, SCHEME[0]);
    r.setSeriesPaint(2, SCHEME[1]);
    return chart(b.network() + ": energy per inference (" + b.library() + ")", new CategoryPlot(d, new CategoryAxis("scheme"),
        new NumberAxis("uJ per inference"), r));
  }

  private static JFreeChart chart(String title, CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart c = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
    c.setBackgroundPaint(Color.WHITE);
    c.getLegend().setPosition(RectangleEdge.BOTTOM);
    return c;
  }
}
