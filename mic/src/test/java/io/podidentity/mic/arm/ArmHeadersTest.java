package io.podidentity.mic.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After in both of its forms, Compute's budget header, and the original's error-text ID extraction. */
class ArmHeadersTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    assertThat(RetryAfter.parse("17", NOW)).contains(Duration.ofSeconds(17));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:00:42 GMT", NOW)).contains(Duration.ofSeconds(42));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", NOW)).isEmpty();
    assertThat(RetryAfter.parse("0", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEqualTo(Optional.empty());
  }

  @Test
  void knowsASpentComputeBudget() {
    assertThat(RateLimitPolicy.spent("Microsoft.Compute/PutVM3Min;0,Microsoft.Compute/PutVM30Min;1199")).isTrue();
    assertThat(RateLimitPolicy.spent("Microsoft.Compute/PutVM3Min;239,Microsoft.Compute/PutVM30Min;1199")).isFalse();
    assertThat(RateLimitPolicy.spent(null)).isFalse();
  }

  @Test
  void extractsTheFirstQuotedListOfIdentityIds() {
    String id1 = "/subscriptions/s-1/resourcegroups/rg_1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a";
    String id2 = "/subscriptions/s-1/resourceGroups/RG/providers/microsoft.managedidentity/userassignedidentities/b";

    assertThat(OffendingIdentities.in("The client has no permission to perform action on linked scope(s) '" + id1
        + "," + id2 + "' or the linked scope(s) are invalid.")).hasSize(2);
    assertThat(OffendingIdentities.in("no ids here")).isEmpty();
  }
}
