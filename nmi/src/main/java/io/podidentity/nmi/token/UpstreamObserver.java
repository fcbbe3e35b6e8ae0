package io.podidentity.nmi.token;

import java.time.Duration;

/**
 * Hears about every upstream token call, for the original's {@code imds_operations_duration_seconds} and
 * {@code imds_operations_errors_count} (operation {@code adal_token_msi}, {@code adal_token_msi_userassignedid} or
 * {@code adal_token}).
 */
public interface UpstreamObserver {
  String NODE_SYSTEM_ASSIGNED = "adal_token_msi";
  String USER_ASSIGNED = "adal_token_msi_userassignedid";
  String AZURE_AD = "adal_token";

  void called(String operation, Duration elapsed, boolean succeeded);

  /** Observes nothing. */
  UpstreamObserver NONE = (operation, elapsed, succeeded) -> { };
}
