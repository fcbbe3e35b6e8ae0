package io.podidentity.mic.arm;

import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the user-assigned identities an ARM error names, as the original did: the first quoted, comma-separated list
 * of identity IDs in the text, e.g. {@code Identity (s) '/subscriptions/…/a,/subscriptions/…/b' returned Bad Request}.
 */
final class OffendingIdentities {
  private static final String ID =
      "/subscriptions/[a-zA-Z0-9_-]+/resourcegroups/[a-zA-Z0-9_-]+/providers/Microsoft.ManagedIdentity/"
          + "userAssignedIdentities/[a-zA-Z0-9_-]+";
  private static final Pattern QUOTED_LIST = Pattern.compile("'((?:,?" + ID + ")+)'", Pattern.CASE_INSENSITIVE);

  private OffendingIdentities() {}

  static Set<UserAssignedIdentityId> in(String message) {
    Set<UserAssignedIdentityId> ids = new LinkedHashSet<>();
    if (message == null) {
      return ids;
    }
    Matcher m = QUOTED_LIST.matcher(message);
    if (!m.find()) {
      return ids;
    }
    for (String text : m.group(1).split(",")) {
      if (UserAssignedIdentityId.parse(text) instanceof Mapped.Valid<UserAssignedIdentityId>(var id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
