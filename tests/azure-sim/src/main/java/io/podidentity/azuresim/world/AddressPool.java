package io.podidentity.azuresim.world;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the private IPs and MAC addresses the instance metadata reports, in the 10.240.0.0/16 range AKS uses
 * for node subnets.
 */
public final class AddressPool {
  private final AtomicInteger next = new AtomicInteger(4);
  private final SecureRandom random = new SecureRandom();

  public String nextPrivateIp() {
    int n = next.getAndIncrement();
    return "10.240." + (n / 250) + "." + (n % 250 + 4);
  }

  /** A MAC in the upper-case, separator-free form IMDS prints, with Microsoft's 00-0D-3A prefix. */
  public String nextMac() {
    byte[] tail = new byte[3];
    random.nextBytes(tail);
    return "000D3A" + HexFormat.of().withUpperCase().formatHex(tail);
  }
}
