package io.podidentity.azuresim;

import io.podidentity.azuresim.aad.AadSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How to run one simulator. Defaults: loopback only, free ports, real clock, throttling off, IMDS limits on, Azure
 * token lifetimes. Build with {@link #builder()}.
 */
public record AzureSimOptions(Clock clock, String bindHost, List<String> extraHosts, int armPort, int aadPort,
    int adminPort, boolean throttling, boolean imdsLimits, AadSettings tokens, Set<String> trustedIssuerHosts) {

  public AzureSimOptions {
    extraHosts = List.copyOf(extraHosts);
    trustedIssuerHosts = Set.copyOf(trustedIssuerHosts);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static AzureSimOptions defaults() {
    return builder().build();
  }

  /** Builder for {@link AzureSimOptions}; every setting is optional. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String bindHost = "127.0.0.1";
    private final List<String> extraHosts = new ArrayList<>();
    private int armPort;
    private int aadPort;
    private int adminPort;
    private boolean throttling;
    private boolean imdsLimits = true;
    private AadSettings tokens = AadSettings.DEFAULTS;
    private Set<String> trustedIssuerHosts = Set.of();

    /** The clock for token times, throttling buckets and delayed operations (not for TLS certificates). */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /** The address ARM, Azure AD and the admin endpoint listen on; loopback by default. */
    public Builder bindHost(String value) {
      bindHost = value;
      return this;
    }

    /** Further host names or addresses the server certificate must name (e.g. an address in a network namespace). */
    public Builder extraHost(String value) {
      extraHosts.add(value);
      return this;
    }

    public Builder armPort(int value) {
      armPort = value;
      return this;
    }

    public Builder aadPort(int value) {
      aadPort = value;
      return this;
    }

    public Builder adminPort(int value) {
      adminPort = value;
      return this;
    }

    /** Whether ARM enforces the documented throttling buckets (off by default). */
    public Builder throttling(boolean value) {
      throttling = value;
      return this;
    }

    /** Whether each IMDS enforces its documented rate and concurrency limits (on by default). */
    public Builder imdsLimits(boolean value) {
      imdsLimits = value;
      return this;
    }

    public Builder tokens(AadSettings value) {
      tokens = value;
      return this;
    }

    /** Non-loopback hosts whose OIDC issuers federated credentials may fetch keys from. */
    public Builder trustedIssuerHosts(Set<String> value) {
      trustedIssuerHosts = value;
      return this;
    }

    public AzureSimOptions build() {
      List<String> hosts = new ArrayList<>(extraHosts);
      if (!"127.0.0.1".equals(bindHost) && !"localhost".equals(bindHost) && !hosts.contains(bindHost)) {
        hosts.add(bindHost);
      }
      return new AzureSimOptions(clock, bindHost, hosts, armPort, aadPort, adminPort, throttling, imdsLimits, tokens,
          trustedIssuerHosts);
    }
  }
}
