package io.podidentity.kubesim.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code fieldSelector}: terms {@code field=value}, {@code field==value} or {@code field!=value}, all of
 * which must hold, with backslash escapes as in {@code k8s.io/apimachinery/pkg/fields}. Which fields a resource
 * supports is the resource's business ({@link SelectableFields}).
 */
public final class FieldSelector {
  /** One term; {@code equals} is false for {@code !=}. */
  public record Term(String field, boolean equals, String value) {}

  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /** Parses a selector; the exception's message is the reason the apiserver gives for a 400. */
  public static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String part : split(text, ',')) {
      terms.add(term(part, text));
    }
    return new FieldSelector(terms);
  }

  public List<Term> terms() {
    return terms;
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Whether every term holds for the object's selectable field values (a missing field reads as ""). */
  public boolean matches(Map<String, String> fields) {
    for (Term t : terms) {
      boolean same = fields.getOrDefault(t.field(), "").equals(t.value());
      if (same != t.equals()) {
        return false;
      }
    }
    return true;
  }

  private static Term term(String part, String whole) {
    for (String op : List.of("!=", "==", "=")) {
      int i = indexOfUnescaped(part, op);
      if (i >= 0) {
        return new Term(unescape(part.substring(0, i)), !op.equals("!="), unescape(part.substring(i + op.length())));
      }
    }
    throw new IllegalArgumentException("invalid selector: '" + whole + "'; can't understand '" + part + "'");
  }

  private static int indexOfUnescaped(String s, String op) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.startsWith(op, i)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> split(String s, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == separator) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
