package io.podidentity.runtime.metrics;

import java.util.List;

/** The Prometheus text exposition format, version 0.0.4. */
final class PrometheusText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  static void family(StringBuilder out, MetricFamily<?> family) {
    out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
    out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
    family.render(out);
  }

  static void sample(StringBuilder out, String name, List<String> labels, List<String> values, double value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{');
      for (int i = 0; i < labels.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labels.get(i)).append("=\"").append(escapeLabel(values.get(i))).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(number(value)).append('\n');
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  private static String escapeHelp(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String escapeLabel(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
  }
}
