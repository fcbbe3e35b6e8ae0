package io.podidentity.common.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client (application) ID of an Azure identity: a GUID. It keeps the text as written, because that text goes
 * to IMDS and Azure AD, but compares ignoring case as the original does when it matches a request's {@code
 * client_id}. {@link #toString()} is redacted, so a record holding a client ID is safe to log.
 */
public record ClientId(String value) {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Requires a GUID; use {@link #parse(String)} for input that may be wrong. */
  public ClientId {
    Objects.requireNonNull(value, "value");
    if (!isGuid(value)) {
      throw new IllegalArgumentException("not a GUID: " + Redaction.clientId(value));
    }
  }

  /** Accepts a GUID in any letter case; anything else is rejected with the (redacted) text. */
  public static Mapped<ClientId> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Mapped.rejected("is missing");
    }
    if (!isGuid(text)) {
      return Mapped.rejected("\"" + Redaction.clientId(text) + "\" is not a GUID");
    }
    return Mapped.valid(new ClientId(text));
  }

  static boolean isGuid(String text) {
    return GUID.matcher(text).matches();
  }

  /** True when both name the same GUID, whatever the letter case. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ClientId that && value.equalsIgnoreCase(that.value);
  }

  @Override
  public int hashCode() {
    return value.toLowerCase(Locale.ROOT).hashCode();
  }

  /** The redacted form, as the original logs it; {@link #value()} gives the full text. */
  @Override
  public String toString() {
    return Redaction.clientId(value);
  }
}
