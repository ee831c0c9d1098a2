package dev.qrtl.report;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders pages with FreeMarker from the templates beside this class. The templates are
 * {@code .ftlh}: FreeMarker escapes every interpolated value for HTML, so a design, library or
 * stimulus name read from a file can never become markup. Numbers arrive formatted, so the
 * locale and number format of the machine cannot change a byte.
 */
final class Html {
  private static final Configuration CONFIG = configuration();

  private Html() {}

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setClassForTemplateLoading(Html.class, "/dev/qrtl/report");
    c.setDefaultEncoding("UTF-8");
    c.setLocale(Locale.ROOT);
    c.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    DefaultObjectWrapperBuilder w = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    // a record's components read as properties (page.title), as the templates write them
    w.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    c.setObjectWrapper(w.build());
    c.setAPIBuiltinEnabled(false);
    return c;
  }

  /** The template {@code name} applied to {@code model}. */
  static String render(String name, Map<String, Object> model) {
    try {
      StringWriter out = new StringWriter();
      CONFIG.getTemplate(name).process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the report template " + name + ": " + e.getMessage(), e);
    } catch (TemplateException e) {
      throw new IllegalStateException("the report template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
    }
  }
}
