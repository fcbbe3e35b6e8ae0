package io.podidentity.azuresim.arm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matches an RBAC action against a role's action pattern, case-insensitively. An asterisk stands for any run of
 * characters including slashes, and a whole "slash, asterisk, slash" segment may also stand for no segment at all:
 * Managed Identity Operator's "userAssignedIdentities/(asterisk)/assign/action" grants
 * {@code Microsoft.ManagedIdentity/userAssignedIdentities/assign/action}.
 */
public final class ActionPattern {
  private ActionPattern() {}

  public static boolean matches(String pattern, String action) {
    return Pattern.matches(regex(pattern.toLowerCase(Locale.ROOT)), action.toLowerCase(Locale.ROOT));
  }

  static String regex(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '*') {
        literal.append(c);
        continue;
      }
      boolean wholeSegment = i > 0 && pattern.charAt(i - 1) == '/' && i + 1 < pattern.length()
          && pattern.charAt(i + 1) == '/';
      if (wholeSegment) {
        literal.setLength(literal.length() - 1);
        regex.append(Pattern.quote(literal.toString())).append("(?:/.*)?/");
        i++;
      } else {
        regex.append(Pattern.quote(literal.toString())).append(".*");
      }
      literal.setLength(0);
    }
    return regex.append(Pattern.quote(literal.toString())).toString();
  }
}
