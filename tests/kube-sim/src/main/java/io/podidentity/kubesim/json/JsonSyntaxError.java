package io.podidentity.kubesim.json;

/** A body that is not valid JSON; the message is worded as Go's {@code encoding/json} words it. */
public final class JsonSyntaxError extends Exception {
  private static final long serialVersionUID = 1L;

  public JsonSyntaxError(String message) {
    super(message, null, false, false);
  }
}
