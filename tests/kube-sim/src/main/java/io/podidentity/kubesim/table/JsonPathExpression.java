package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Kubernetes JSONPath that printer columns use: field steps ({@code .spec.type}), quoted keys
 * ({@code ['a.b/c']}), indexes ({@code [0]}, {@code [-1]}), wildcards ({@code [*]}) and equality filters
 * ({@code [?(@.type=="Ready")]}). Missing keys yield no result, as with {@code AllowMissingKeys(true)}.
 */
public final class JsonPathExpression {
  private sealed interface Step permits Field, Index, All, Filter {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record All() implements Step {}

  private record Filter(List<String> path, String value) implements Step {}

  private final List<Step> steps;

  private JsonPathExpression(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** Parses an expression with or without the surrounding braces; throws IllegalArgumentException when invalid. */
  public static JsonPathExpression parse(String text) {
    String s = text.trim();
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
          end++;
        }
        if (end > i + 1) {
          steps.add(new Field(s.substring(i + 1, end)));
        }
        i = end;
      } else if (c == '[') {
        int end = closing(s, i);
        steps.add(bracket(s.substring(i + 1, end).trim()));
        i = end + 1;
      } else {
        throw new IllegalArgumentException("unrecognized JSONPath " + text);
      }
    }
    return new JsonPathExpression(steps);
  }

  /** All values the expression reaches, in document order. */
  public List<JsonElement> evaluate(JsonElement root) {
    List<JsonElement> current = List.of(root);
    for (Step step : steps) {
      List<JsonElement> next = new ArrayList<>();
      for (JsonElement e : current) {
        apply(step, e, next);
      }
      current = next;
    }
    return current;
  }

  private static void apply(Step step, JsonElement e, List<JsonElement> out) {
    switch (step) {
      case Field f -> {
        if (e.isJsonObject() && e.getAsJsonObject().has(f.name())) {
          out.add(e.getAsJsonObject().get(f.name()));
        }
      }
      case Index ix -> {
        if (e.isJsonArray()) {
          int size = e.getAsJsonArray().size();
          int i = ix.index() < 0 ? size + ix.index() : ix.index();
          if (i >= 0 && i < size) {
            out.add(e.getAsJsonArray().get(i));
          }
        }
      }
      case All a -> {
        if (e.isJsonArray()) {
          e.getAsJsonArray().forEach(out::add);
        } else if (e.isJsonObject()) {
          e.getAsJsonObject().entrySet().forEach(en -> out.add(en.getValue()));
        }
      }
      case Filter f -> {
        if (e.isJsonArray()) {
          for (JsonElement item : e.getAsJsonArray()) {
            JsonElement v = item;
            for (String key : f.path()) {
              v = v != null && v.isJsonObject() ? v.getAsJsonObject().get(key) : null;
            }
            if (v != null && v.isJsonPrimitive() && v.getAsString().equals(f.value())) {
              out.add(item);
            }
          }
        }
      }
    }
  }

  private static Step bracket(String inner) {
    if (inner.equals("*")) {
      return new All();
    }
    if (inner.startsWith("?(") && inner.endsWith(")")) {
      String cond = inner.substring(2, inner.length() - 1).trim();
      int eq = cond.indexOf("==");
      if (!cond.startsWith("@.") || eq < 0) {
        throw new IllegalArgumentException("unsupported JSONPath filter " + inner);
      }
      List<String> path = List.of(cond.substring(2, eq).trim().split("\\."));
      return new Filter(path, unquote(cond.substring(eq + 2).trim()));
    }
    if (inner.startsWith("'") || inner.startsWith("\"")) {
      return new Field(unquote(inner).replace("\\.", "."));
    }
    return new Index(Integer.parseInt(inner));
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("'") || s.startsWith("\""))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static int closing(String s, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed bracket in JSONPath " + s);
  }

  /** Prints a result as jsonpath's text output does: strings raw, everything else in its JSON form. */
  public static String text(JsonElement value) {
    if (value.isJsonPrimitive()) {
      return value.getAsString();
    }
    if (value.isJsonObject() && ((JsonObject) value).isEmpty()) {
      return "map[]";
    }
    return value.toString();
  }
}
