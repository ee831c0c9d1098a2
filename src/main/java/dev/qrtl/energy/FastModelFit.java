package dev.qrtl.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Fits {@link FastModel} coefficients to measured units by least squares on <em>relative</em>
 * error (each equation divided by its measurement, so a 16-bit unit counts as much as a 4-bit
 * one), with Commons Math's OLS; reports the training RMS and the worst leave-one-out error.
 */
public final class FastModelFit {
  private FastModelFit() {}

  /**
   * One measured unit of a scheme family, with the family's cost terms and the unit's own
   * variables (beside the widths A and B).
   */
  public record Point(String family, List<String> terms, int accBits, int outBits, Map<String, Integer> variables, double areaUm2,
      double energyPj) {
    public Point {
      terms = List.copyOf(terms);
      variables = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(variables));
    }
  }

  public static FastModel fit(List<Point> points, String library, String source) {
    Map<String, List<Point>> byFamily = new LinkedHashMap<>();
    for (Point p : points) {
      if (p.areaUm2() > 0 && p.energyPj() > 0) { // a unit that synthesizes to wires (16 -> 16 bits, shift 0) has no relative error
        byFamily.computeIfAbsent(p.family(), k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, FastModel.SchemeFit> fits = new LinkedHashMap<>();
    for (Map.Entry<String, List<Point>> e : byFamily.entrySet()) {
      List<Point> ps = e.getValue();
      List<String> terms = ps.get(0).terms();
      List<String> vars = List.copyOf(ps.get(0).variables().keySet());
      if (ps.size() < terms.size() + 1) {
        continue; // too few configurations to fit and to check the fit
      }
      List<int[]> configs = new ArrayList<>();
      for (Point p : ps) {
        int[] c = new int[2 + vars.size()];
        c[0] = p.accBits();
        c[1] = p.outBits();
        for (int i = 0; i < vars.size(); i++) {
          c[2 + i] = p.variables().get(vars.get(i));
        }
        configs.add(c);
      }
      try {
        fits.put(e.getKey(), new FastModel.SchemeFit(terms, vars, configs, metric(terms, ps, true), metric(terms, ps, false)));
      } catch (IllegalArgumentException ex) {
        // the sweep does not determine this family's terms (for example one accumulator width): no fit for it
      }
    }
    return new FastModel(library, source, fits);
  }

  private static FastModel.MetricFit metric(List<String> terms, List<Point> ps, boolean area) {
    double[] coef = solve(terms, ps, -1, area);
    double sq = 0;
    for (Point p : ps) {
      double rel = relativeError(terms, coef, p, area);
      sq += rel * rel;
    }
    double loo = 0;
    for (int skip = 0; skip < ps.size(); skip++) {
      double[] c = solve(terms, ps, skip, area);
      loo = Math.max(loo, Math.abs(relativeError(terms, c, ps.get(skip), area)));
    }
    return new FastModel.MetricFit(coef, Math.sqrt(sq / ps.size()), loo);
  }

  static double relativeError(List<String> terms, double[] coef, Point p, boolean area) {
    double[] x = CostTerms.evaluate(terms, p.accBits(), p.outBits(), p.variables());
    double y = 0;
    for (int i = 0; i < x.length; i++) {
      y += coef[i] * x[i];
    }
    double measured = area ? p.areaUm2() : p.energyPj();
    return (y - measured) / measured;
  }

  private static double[] solve(List<String> terms, List<Point> ps, int skip, boolean area) {
    int n = ps.size() - (skip >= 0 ? 1 : 0);
    double[][] x = new double[n][];
    double[] y = new double[n];
    int r = 0;
    for (int i = 0; i < ps.size(); i++) {
      if (i == skip) {
        continue;
      }
      Point p = ps.get(i);
      double m = area ? p.areaUm2() : p.energyPj();
      if (!(m > 0)) {
        throw new IllegalArgumentException("cannot fit " + p.family() + " " + p.accBits() + " -> " + p.outBits() + ": measured value " + m);
      }
      double[] row = CostTerms.evaluate(terms, p.accBits(), p.outBits(), p.variables());
      for (int k = 0; k < row.length; k++) {
        row[k] /= m;
      }
      x[r] = row;
      y[r] = 1;
      r++;
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.setNoIntercept(true);
    try {
      ols.newSampleData(y, x);
      return ols.estimateRegressionParameters();
    } catch (IllegalArgumentException e) { // includes a singular matrix
      throw new IllegalArgumentException("the sweep does not determine the " + terms + " model of " + ps.get(0).family()
          + " (vary both widths over at least " + (terms.size() + 1) + " configurations): " + e.getMessage());
    }
  }
}
