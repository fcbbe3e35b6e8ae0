package io.podidentity.runtime.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A named metric with fixed label names and one child per distinct label-value tuple. Label values must come from
 * bounded sets (operation names, status codes, namespaces), never from request paths or identities.
 */
public abstract sealed class MetricFamily<C> permits Counter, Histogram, Gauge {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<List<String>, C> children = new ConcurrentHashMap<>();
  private final Function<List<String>, C> factory;

  MetricFamily(String name, String help, List<String> labelNames, Function<List<String>, C> factory) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad metric name " + name);
    }
    labelNames.forEach(l -> {
      if (!LABEL.matcher(l).matches()) {
        throw new IllegalArgumentException("bad label name " + l + " on " + name);
      }
    });
    this.name = name;
    this.help = Objects.requireNonNull(help);
    this.labelNames = List.copyOf(labelNames);
    this.factory = factory;
  }

  /** The child for these label values, in the order of the label names. */
  public C labels(String... values) {
    if (values.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got " + values.length + " values");
    }
    return children.computeIfAbsent(List.of(values), factory);
  }

  public String name() {
    return name;
  }

  String help() {
    return help;
  }

  List<String> labelNames() {
    return labelNames;
  }

  Map<List<String>, C> children() {
    return children;
  }

  abstract String type();

  abstract void render(StringBuilder out);
}
