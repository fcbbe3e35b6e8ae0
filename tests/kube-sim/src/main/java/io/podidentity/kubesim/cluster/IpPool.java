package io.podidentity.kubesim.cluster;

import java.util.BitSet;

/**
 * The pod addresses the simulated kubelet hands out: the host addresses of an IPv4 CIDR (such as 127.0.10.0/24,
 * so that a process can act as a pod with {@code curl --interface}), lowest free first.
 */
public final class IpPool {
  private final long base;
  private final int size;
  private final BitSet used = new BitSet();

  public IpPool(String cidr) {
    String[] parts = cidr.split("/");
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 8 || prefix > 30) {
      throw new IllegalArgumentException("pod CIDR prefix must be between /8 and /30: " + cidr);
    }
    long address = toLong(parts[0]);
    long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    this.base = address & mask;
    this.size = 1 << (32 - prefix);
  }

  /** The next free address, or null when the pool is exhausted. */
  public synchronized String allocate() {
    int i = used.nextClearBit(1);
    if (i >= size - 1) {
      return null;
    }
    used.set(i);
    return toText(base + i);
  }

  /** Marks an address as taken (a pod that already has it). */
  public synchronized void reserve(String ip) {
    long offset = offset(ip);
    if (offset > 0 && offset < size - 1) {
      used.set((int) offset);
    }
  }

  public synchronized void release(String ip) {
    long offset = offset(ip);
    if (offset > 0 && offset < size - 1) {
      used.clear((int) offset);
    }
  }

  private long offset(String ip) {
    try {
      return toLong(ip) - base;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** Parses a dotted IPv4 literal (never a host name: nothing is resolved). */
  private static long toLong(String ip) {
    String[] octets = ip.trim().split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + ip);
    }
    long v = 0;
    for (String o : octets) {
      int n = Integer.parseInt(o);
      if (n < 0 || n > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip);
      }
      v = (v << 8) | n;
    }
    return v;
  }

  private static String toText(long v) {
    return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
  }
}
