package io.podidentity.kubesim.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name formats of {@code k8s.io/apimachinery/pkg/util/validation}, with their exact messages: most objects
 * are DNS-1123 subdomains, namespaces are DNS-1123 labels, and a few kinds only need a valid path segment.
 */
public enum NameRule {
  SUBDOMAIN,
  LABEL,
  PATH_SEGMENT;

  private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
  private static final Pattern LABEL_RE = Pattern.compile(LABEL_FMT);
  private static final Pattern SUBDOMAIN_RE = Pattern.compile(SUBDOMAIN_FMT);
  private static final String QUALIFIED_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED_RE = Pattern.compile(QUALIFIED_FMT);

  /** The messages for a name (or, with {@code prefix}, a generateName, whose trailing dash is allowed). */
  public List<String> check(String name, boolean prefix) {
    String value = prefix && this != PATH_SEGMENT ? maskTrailingDash(name) : name;
    return switch (this) {
      case SUBDOMAIN -> dns(value, 253, SUBDOMAIN_RE, "a lowercase RFC 1123 subdomain must consist of lower case "
          + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
          SUBDOMAIN_FMT, "'example.com', ");
      case LABEL -> dns(value, 63, LABEL_RE, "a lowercase RFC 1123 label must consist of lower case alphanumeric "
          + "characters or '-', and must start and end with an alphanumeric character", LABEL_FMT,
          "'my-name',  or '123-abc', ");
      case PATH_SEGMENT -> pathSegment(name, prefix);
    };
  }

  private static String maskTrailingDash(String name) {
    return name.endsWith("-") && name.length() > 1 ? name.substring(0, name.length() - 1) + "a" : name;
  }

  private static List<String> dns(String value, int max, Pattern re, String msg, String fmt, String examples) {
    List<String> errs = new ArrayList<>();
    if (value.length() > max) {
      errs.add("must be no more than " + max + " characters");
    }
    if (!re.matcher(value).matches()) {
      errs.add(msg + " (e.g. " + examples + "regex used for validation is '" + fmt + "')");
    }
    return errs;
  }

  private static List<String> pathSegment(String name, boolean prefix) {
    List<String> errs = new ArrayList<>();
    if (!prefix && (name.equals(".") || name.equals(".."))) {
      errs.add("may not be '" + name + "'");
    }
    for (String illegal : List.of("/", "%")) {
      if (name.contains(illegal)) {
        errs.add("may not contain '" + illegal + "'");
      }
    }
    return errs;
  }

  /** The messages for a qualified name (label and annotation keys, finalizers): optional DNS prefix and '/'. */
  public static List<String> qualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      name = parts[1];
      if (parts[0].isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        SUBDOMAIN.check(parts[0], false).forEach(m -> errs.add("prefix part " + m));
      }
    } else {
      errs.add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
          + "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation "
          + "is '" + QUALIFIED_FMT + "') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errs.add("name part must be no more than 63 characters");
    }
    if (!name.isEmpty() && !QUALIFIED_RE.matcher(name).matches()) {
      errs.add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
          + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '"
          + QUALIFIED_FMT + "')");
    }
    return errs;
  }
}
