package io.podidentity.azuresim.arm;

/** ARM's three subscription-level throttling classes and their documented token buckets (capacity, refill/s). */
public enum RequestKind {
  READ("reads", "read", 250, 25),
  WRITE("writes", "write", 200, 10),
  DELETE("deletes", "delete", 200, 10);

  private final String headerSuffix;
  private final String wordInMessage;
  private final int capacity;
  private final int refillPerSecond;

  RequestKind(String headerSuffix, String wordInMessage, int capacity, int refillPerSecond) {
    this.headerSuffix = headerSuffix;
    this.wordInMessage = wordInMessage;
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
  }

  /** The header ARM returns the remaining count in, e.g. {@code x-ms-ratelimit-remaining-subscription-reads}. */
  public String header() {
    return "x-ms-ratelimit-remaining-subscription-" + headerSuffix;
  }

  public String word() {
    return wordInMessage;
  }

  public int capacity() {
    return capacity;
  }

  public int refillPerSecond() {
    return refillPerSecond;
  }

  public static RequestKind of(String method) {
    return switch (method.toUpperCase(java.util.Locale.ROOT)) {
      case "GET", "HEAD" -> READ;
      case "DELETE" -> DELETE;
      default -> WRITE;
    };
  }
}
