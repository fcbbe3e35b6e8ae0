package com.microsoft.aad.msal4j;

/**
 * MSAL4J decides where managed identity tokens come from by reading {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} from
 * the process environment, which a JVM cannot change; MSAL reads it through a package-private hook, which this class
 * (in MSAL's package, test code only) sets. Everything else MSAL looks up stays unset, as on a plain pod.
 */
public final class ManagedIdentityEnvironment {
  private static final String AUTHORITY_HOST = "AZURE_POD_IDENTITY_AUTHORITY_HOST";

  private ManagedIdentityEnvironment() {}

  /** Sends every managed identity token request of this JVM to {@code url} (an NMI). */
  public static void authorityHost(String url) {
    ManagedIdentityApplication.setEnvironmentVariables(name -> AUTHORITY_HOST.equals(name) ? url : null);
  }

  /** Back to the process environment. */
  public static void reset() {
    ManagedIdentityApplication.setEnvironmentVariables(System::getenv);
  }
}
