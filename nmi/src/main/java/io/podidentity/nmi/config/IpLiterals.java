package io.podidentity.nmi.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals without name lookups: dotted-quad IPv4 (each part 0 to 255, no leading zeros) or IPv6 text,
 * parsed only when it is certainly a literal, so no text ever reaches DNS. {@link #canonical} gives one text per
 * address (IPv6 compressed form from the JDK, scope dropped) for comparing the pods' {@code status.podIPs} with
 * source addresses.
 */
public final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiterals() {}

  public static boolean isLiteral(String text) {
    return parse(text).isPresent();
  }

  /** The address of a literal; empty for anything else (never a DNS lookup). */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    boolean v4 = IPV4.matcher(t).matches();
    boolean v6 = t.indexOf(':') >= 0 && IPV6.matcher(t).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** One text per address: IPv4 dotted quad, IPv6 without scope; IPv4-mapped IPv6 becomes IPv4. */
  public static String canonical(InetAddress address) {
    byte[] bytes = address.getAddress();
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
    }
  }

  /** The canonical text of a literal, or empty. */
  public static Optional<String> canonical(String text) {
    return parse(text).map(IpLiterals::canonical);
  }
}
