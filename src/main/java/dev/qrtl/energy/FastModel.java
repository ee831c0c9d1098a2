package dev.qrtl.energy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.scheme.CompareForm;
import dev.qrtl.scheme.Schemes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fast analytic model: per scheme, area and energy per requantization as a linear combination
 * of cost terms in the accumulator width A and output width B (see {@link CostTerms}), with
 * coefficients fitted by least squares to a sweep of synthesized and simulated units on one
 * library ({@link FastModelFit}). It carries its own error: the training RMS and the worst
 * leave-one-out error, from which {@link #statedError} makes what {@code qrtl estimate --fast}
 * quotes as "may be off by".
 *
 * @param library the library the sweep ran on
 * @param source how the sweep was made (command, stimulus, seed, versions)
 * @param schemes per scheme, the fitted metrics
 */
@JsonPropertyOrder({"library", "source", "schemes"})
public record FastModel(String library, String source, Map<String, SchemeFit> schemes) {
  /** The model fitted on the embedded default library, shipped with qrtl. */
  public static final String EMBEDDED = "/dev/qrtl/energy/fast-model-default.json";

  /**
   * Both metrics of one scheme family, and the configurations they were fitted on: each point is
   * {@code [A, B, variables...]} in the order {@code variables} names (for example {@code m}).
   */
  @JsonPropertyOrder({"terms", "variables", "points", "area", "energy"})
  public record SchemeFit(List<String> terms, List<String> variables, List<int[]> points, MetricFit area, MetricFit energy) {
    public SchemeFit {
      variables = variables == null ? List.of() : List.copyOf(variables);
    }
  }

  /**
   * One metric's fit.
   *
   * @param coefficients one per term
   * @param rmsRelativeError root mean square of (fit - measured) / measured over the training points
   * @param maxLeaveOneOutError the worst relative error predicting a point from a fit without it
   */
  @JsonPropertyOrder({"coefficients", "rmsRelativeError", "maxLeaveOneOutError"})
  public record MetricFit(double[] coefficients, double rmsRelativeError, double maxLeaveOneOutError) {
    public double predict(List<String> terms, int accBits, int outBits, Map<String, Integer> variables) {
      double[] x = CostTerms.evaluate(terms, accBits, outBits, variables);
      double y = 0;
      for (int i = 0; i < x.length; i++) {
        y += coefficients[i] * x[i];
      }
      return y;
    }
  }

  /** A prediction and the error the model admits to. */
  public record Prediction(String scheme, int accBits, int outBits, double areaUm2, double areaMaxError, double energyPj,
      double energyMaxError, String library) {}

  /**
   * The error a prediction admits to: 1.5x the worst leave-one-out error of the fit, and never
   * below 5 % - ABC's mapping varies by a few percent from one width to the next, which no smooth
   * formula follows.
   */
  public static double statedError(MetricFit f) {
    return Math.max(0.05, 1.5 * f.maxLeaveOneOutError());
  }

  /** The prediction for a comparison form ({@code shift-round}, {@code dyadic:m=8}) at these widths. */
  public Prediction predict(String label, int accBits, int outBits) {
    CompareForm form = Schemes.form(label).form();
    SchemeFit f = fit(form);
    return new Prediction(label, accBits, outBits, f.area().predict(f.terms(), accBits, outBits, form.variables()), statedError(f.area()),
        f.energy().predict(f.terms(), accBits, outBits, form.variables()), statedError(f.energy()), library);
  }

  /** The fit of a form's family; a one-line error naming the families the model knows otherwise. */
  public SchemeFit fit(CompareForm form) {
    SchemeFit f = schemes.get(form.family());
    if (f == null) {
      throw new IllegalArgumentException("the fast model has no scheme '" + form.family() + "'; it knows " + String.join(", ", schemes.keySet()));
    }
    return f;
  }

  public static FastModel embedded() {
    try (InputStream in = FastModel.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IllegalStateException("the embedded fast model " + EMBEDDED + " is missing from the jar");
      }
      return ManifestIo.mapper().readValue(in, FastModel.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the embedded fast model: " + e.getMessage(), e);
    }
  }

  public static FastModel read(Path file) {
    try {
      return ManifestIo.mapper().readValue(Files.readString(file), FastModel.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read fast model " + file + ": " + dev.qrtl.util.StrictJson.problem(e));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read fast model " + file + ": " + dev.qrtl.util.Printable.of(e.getMessage(), 300));
    }
  }
}
