package io.podidentity.common.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARM ID of a user-assigned managed identity. ARM treats IDs without regard to case, and MIC compares the IDs
 * it reads back from a VM or scale set that way, so equality ignores case; {@link #toString()} gives the canonical
 * text {@code /subscriptions/<s>/resourcegroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<n>}.
 */
public record UserAssignedIdentityId(String subscriptionId, String resourceGroup, String name) {
  /**
   * The original's validation pattern, unanchored and ignoring case: whatever it accepts is accepted here, and the
   * three groups are the parts.
   */
  private static final Pattern ORIGINAL =
      Pattern.compile(
          "/subscriptions/(.+?)/resourcegroups/(.+?)/providers/Microsoft.ManagedIdentity/userAssignedIdentities/(.+)",
          Pattern.CASE_INSENSITIVE);

  public UserAssignedIdentityId {
    requirePart(subscriptionId, "subscriptionId");
    requirePart(resourceGroup, "resourceGroup");
    requirePart(name, "name");
  }

  /** Parses an ID as MIC validates it; the reason of a rejection quotes the text and the expected shape. */
  public static Mapped<UserAssignedIdentityId> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Mapped.rejected("is missing");
    }
    Matcher m = ORIGINAL.matcher(text);
    if (!m.find()) {
      return Mapped.rejected(
          "\""
              + text
              + "\" does not match /subscriptions/<subscription>/resourcegroups/<resourcegroup>"
              + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>");
    }
    return Mapped.valid(new UserAssignedIdentityId(m.group(1), m.group(2), m.group(3)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserAssignedIdentityId that
        && subscriptionId.equalsIgnoreCase(that.subscriptionId)
        && resourceGroup.equalsIgnoreCase(that.resourceGroup)
        && name.equalsIgnoreCase(that.name);
  }

  @Override
  public int hashCode() {
    return toString().toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return "/subscriptions/"
        + subscriptionId
        + "/resourcegroups/"
        + resourceGroup
        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
        + name;
  }

  private static void requirePart(String part, String what) {
    Objects.requireNonNull(part, what);
    if (part.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
