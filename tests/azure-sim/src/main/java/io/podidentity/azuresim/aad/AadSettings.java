package io.podidentity.azuresim.aad;

import java.time.Duration;

/** Lifetimes of the tokens the simulated Azure AD and IMDS issue. */
public record AadSettings(Duration appTokenLifetime, Duration managedIdentityTokenLifetime) {
  /** Azure AD's app tokens live about an hour; managed identity tokens 24 hours. */
  public static final AadSettings DEFAULTS = new AadSettings(Duration.ofSeconds(3599), Duration.ofSeconds(86399));
}
