package io.podidentity.system.e2e;

import io.podidentity.system.process.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node and its pods as network namespaces, kubenet-style: the node namespace holds bridge {@code cbr0}
 * (10.244.0.1/24) and the IMDS address 169.254.169.254 on its loopback, each pod namespace one end of a veth pair
 * with its own address and a default route through the bridge. Every address lives in a namespace made here, none in
 * the machine's own; the node namespace has no route out. Deleting the namespaces removes the veths, the bridge and
 * every rule NMI might have left.
 */
final class NodeNetwork implements AutoCloseable {
  static final String PREFIX = "pie2e-";
  static final String NODE = PREFIX + "node";
  static final String GATEWAY = "10.244.0.1";
  static final String IMDS_IP = "169.254.169.254";
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private final List<String> namespaces = new ArrayList<>();

  /** Creates the node namespace; {@link #addPod} adds pods. */
  NodeNetwork() {
    removeLeftovers();
    add(NODE);
    node("ip", "link", "set", "lo", "up");
    node("ip", "addr", "add", IMDS_IP + "/32", "dev", "lo");
    node("ip", "link", "add", "cbr0", "type", "bridge");
    node("ip", "addr", "add", GATEWAY + "/24", "dev", "cbr0");
    node("ip", "link", "set", "cbr0", "up");
    // NMI's DNAT target is its loopback listener; packets from pods may only be routed there with route_localnet,
    // which kube-proxy sets on real nodes.
    node("sysctl", "-q", "-w", "net.ipv4.conf.all.route_localnet=1");
    node("sysctl", "-q", "-w", "net.ipv4.conf.cbr0.route_localnet=1");
  }

  /** A pod namespace {@code pie2e-<name>} with address {@code ip}, wired to the bridge. */
  String addPod(String name, String ip) {
    String ns = PREFIX + name;
    String veth = "ve-" + name;
    add(ns);
    ip("link", "add", veth, "netns", NODE, "type", "veth", "peer", "name", "eth0", "netns", ns);
    node("ip", "link", "set", veth, "master", "cbr0");
    node("ip", "link", "set", veth, "up");
    in(ns, "ip", "link", "set", "lo", "up");
    in(ns, "ip", "addr", "add", ip + "/24", "dev", "eth0");
    in(ns, "ip", "link", "set", "eth0", "up");
    in(ns, "ip", "route", "add", "default", "via", GATEWAY);
    return ns;
  }

  /** {@code argv} inside namespace {@code ns}, as the start of a command line. */
  static List<String> exec(String ns, String... argv) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    command.addAll(List.of(argv));
    return command;
  }

  static Command node(String... argv) {
    return Command.run(LIMIT, exec(NODE, argv)).orThrow();
  }

  static Command in(String ns, String... argv) {
    return Command.run(LIMIT, exec(ns, argv)).orThrow();
  }

  private static void ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Command.run(LIMIT, command).orThrow();
  }

  private void add(String ns) {
    ip("netns", "add", ns);
    namespaces.add(ns);
  }

  /** Namespaces of an earlier run that could not clean up (killed outright): their processes, then themselves. */
  private static void removeLeftovers() {
    for (String line : Command.run(LIMIT, List.of("ip", "netns", "list")).output().lines().toList()) {
      String ns = line.split("\\s+")[0];
      if (ns.startsWith(PREFIX)) {
        stopProcessesIn(ns);
        Command.run(LIMIT, List.of("ip", "netns", "del", ns));
      }
    }
  }

  private static void stopProcessesIn(String ns) {
    for (String pid : Command.run(LIMIT, List.of("ip", "netns", "pids", ns)).output().lines().toList()) {
      if (!pid.isBlank()) {
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** Ends anything still running in the namespaces, then deletes them, pods first. */
  @Override
  public void close() {
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      stopProcessesIn(namespaces.get(i));
      Command.run(LIMIT, List.of("ip", "netns", "del", namespaces.get(i)));
    }
    namespaces.clear();
  }

  /** The namespaces of this class still present on the machine (none after {@link #close}). */
  static List<String> present() {
    return Command.run(LIMIT, List.of("ip", "netns", "list")).output().lines().map(l -> l.split("\\s+")[0])
        .filter(n -> n.startsWith(PREFIX)).toList();
  }
}
