package io.podidentity.common.testing;

import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.UserAssignedIdentityId;

/** Test shorthand for user-assigned identity IDs. */
public final class UserAssignedIdentityIds {
  private UserAssignedIdentityIds() {}

  /** Parses an ID that the test knows to be valid. */
  public static UserAssignedIdentityId parse(String text) {
    return switch (UserAssignedIdentityId.parse(text)) {
      case Mapped.Valid<UserAssignedIdentityId>(UserAssignedIdentityId id) -> id;
      case Mapped.Rejected<UserAssignedIdentityId>(String reason) -> throw new IllegalArgumentException(reason);
    };
  }

  /** The ID of identity {@code name} in the fixtures' subscription and resource group {@code identities-rg}. */
  public static UserAssignedIdentityId named(String name) {
    return new UserAssignedIdentityId(CrdFixtures.SUBSCRIPTION, "identities-rg", name);
  }
}
