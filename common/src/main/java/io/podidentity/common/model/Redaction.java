package io.podidentity.common.model;

/**
 * Redacts client IDs for logs and error texts exactly as aad-pod-identity does, so log lines stay comparable: the
 * first and last four characters survive around {@code ##### REDACTED #####}. Text that the original's pattern does
 * not match (fewer than eight characters, or white space among the kept characters) is returned unchanged, as there.
 */
public final class Redaction {
  static final String MARKER = "##### REDACTED #####";
  private static final int KEPT = 4;

  private Redaction() {}

  /** Redacts one client ID; {@code null} gives the empty text. */
  public static String clientId(String clientId) {
    if (clientId == null) {
      return "";
    }
    int[] codePoints = clientId.codePoints().toArray();
    int length = codePoints.length;
    if (length < 2 * KEPT || !keptAreVisible(codePoints)) {
      return clientId;
    }
    return new String(codePoints, 0, KEPT) + MARKER + new String(codePoints, length - KEPT, KEPT);
  }

  private static boolean keptAreVisible(int[] codePoints) {
    int length = codePoints.length;
    for (int i = 0; i < KEPT; i++) {
      if (isGoSpace(codePoints[i]) || isGoSpace(codePoints[length - 1 - i])) {
        return false;
      }
    }
    return true;
  }

  // The original's \s is Go's RE2 class [\t\n\f\r ]: unlike Java's \s it leaves out the vertical tab.
  private static boolean isGoSpace(int codePoint) {
    return codePoint == '\t' || codePoint == '\n' || codePoint == '\f' || codePoint == '\r' || codePoint == ' ';
  }
}
