package com.microsoft.aad.msal4j;

import java.util.Map;

/**
 * Test seam: MSAL4J reads {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} from the process environment through a
 * package-private hook, and azure-identity 1.18 does not forward its own {@code Configuration} there. Setting the
 * hook lets a test point ManagedIdentityCredential at one machine's IMDS without touching the real environment.
 */
public final class MsalEnvironment {
  private MsalEnvironment() {}

  /** Makes MSAL see these variables (and nothing else) as its environment, for the whole JVM. */
  public static void use(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    ManagedIdentityApplication.setEnvironmentVariables(copy::get);
  }
}
