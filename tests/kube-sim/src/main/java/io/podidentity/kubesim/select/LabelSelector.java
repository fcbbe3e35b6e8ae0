package io.podidentity.kubesim.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code labelSelector}: equality ({@code =}, {@code ==}, {@code !=}), set-based ({@code in},
 * {@code notin}), existence ({@code key}, {@code !key}) and the numeric {@code >}/{@code <}, all of which must
 * hold. As in {@code k8s.io/apimachinery/pkg/labels}, {@code !=} and {@code notin} also match objects without
 * the label.
 */
public final class LabelSelector {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  private final List<Requirement> requirements;

  /** The operators a requirement can use. */
  public enum Operator { EXISTS, DOES_NOT_EXIST, EQUALS, NOT_EQUALS, IN, NOT_IN, GREATER_THAN, LESS_THAN }

  /** One term of the selector. */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      values = List.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case EXISTS -> v != null;
        case DOES_NOT_EXIST -> v == null;
        case EQUALS, IN -> v != null && values.contains(v);
        case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
        case GREATER_THAN -> v != null && compare(v) > 0;
        case LESS_THAN -> v != null && compare(v) < 0;
      };
    }

    private int compare(String v) {
      try {
        return Long.compare(Long.parseLong(v), Long.parseLong(values.get(0)));
      } catch (NumberFormatException e) {
        return operator == Operator.GREATER_THAN ? -1 : 1;
      }
    }
  }

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  /** Parses a selector; the exception's message is the reason the apiserver gives for a 400. */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> out = new ArrayList<>();
    for (String term : splitTerms(text)) {
      out.add(requirement(term.trim()));
    }
    return new LabelSelector(out);
  }

  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  public List<Requirement> requirements() {
    return requirements;
  }

  private static List<String> splitTerms(String text) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        terms.add(text.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(text.substring(start));
    return terms;
  }

  private static Requirement requirement(String term) {
    if (term.isEmpty()) {
      throw new IllegalArgumentException("found ',', expected: !, identifier, or 'end of string'");
    }
    if (term.startsWith("!")) {
      return new Requirement(key(term.substring(1).trim()), Operator.DOES_NOT_EXIST, List.of());
    }
    String[] setOp = term.split("\\s+(?=(in|notin)\\s*\\()", 2);
    if (setOp.length == 2) {
      String rest = setOp[1].trim();
      Operator op = rest.startsWith("notin") ? Operator.NOT_IN : Operator.IN;
      String list = rest.substring(rest.indexOf('(') + 1).trim();
      if (!list.endsWith(")")) {
        throw new IllegalArgumentException("unable to parse requirement: found '', expected: ',', ')' or identifier");
      }
      List<String> values = new ArrayList<>();
      for (String v : list.substring(0, list.length() - 1).split(",")) {
        values.add(value(v.trim()));
      }
      return new Requirement(key(setOp[0].trim()), op, values);
    }
    for (String op : List.of("!=", "==", "=", ">", "<")) {
      int i = term.indexOf(op);
      if (i > 0) {
        Operator operator = switch (op) {
          case "!=" -> Operator.NOT_EQUALS;
          case ">" -> Operator.GREATER_THAN;
          case "<" -> Operator.LESS_THAN;
          default -> Operator.EQUALS;
        };
        String v = value(term.substring(i + op.length()).trim());
        return new Requirement(key(term.substring(0, i).trim()), operator, List.of(v));
      }
    }
    return new Requirement(key(term), Operator.EXISTS, List.of());
  }

  private static String key(String key) {
    int slash = key.lastIndexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    boolean prefixOk = slash < 0 || (slash <= 253 && PREFIX.matcher(key.substring(0, slash)).matches());
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches() || !prefixOk) {
      throw new IllegalArgumentException("unable to parse requirement: <nil>: Invalid value: \"" + key + "\": name part "
          + "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
          + "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
          + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }
    return key;
  }

  private static String value(String value) {
    if (value.length() > 63 || !VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("unable to parse requirement: values[0][" + value + "]: Invalid value: \""
          + value + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
          + "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or "
          + "'12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }
    return value;
  }
}
