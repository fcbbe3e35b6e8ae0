package io.podidentity.kubesim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Kubernetes API simulator standalone (the sandbox and {@code make kube-sim}): listens on a free loopback
 * port unless told otherwise, writes a kubeconfig, prints the URL, and serves until SIGINT or SIGTERM.
 */
public final class KubeSimMain {
  private static final String USAGE = """
      usage: java -jar podidentity-kube-sim.jar --kubeconfig FILE [options]
        --kubeconfig FILE     where to write the kubeconfig (required)
        --host ADDRESS        address to listen on (default 127.0.0.1)
        --port N              port (default: a free one)
        --token TOKEN         require this bearer token, over HTTPS (default: no auth, HTTP)
        --tls                 serve HTTPS with a self-signed certificate (in the kubeconfig)
        --kubelet             play scheduler and kubelet: pods get a node, an IP and phase Running
        --pod-cidr CIDR       pod addresses for --kubelet (default 127.0.10.0/24)
        --issuer URL          service-account token issuer (default: the server URL)
        --watch-window N      events kept for watch resumption (default 50000)
        --bookmark-seconds N  interval of watch bookmarks (default 60)
      """;

  private KubeSimMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    KubeSimulator.Builder builder = KubeSimulator.builder();
    Path kubeconfig = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i));
        case "--host" -> builder.host(value(args, ++i));
        case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
        case "--token" -> builder.bearerToken(value(args, ++i));
        case "--tls" -> builder.tls(true);
        case "--kubelet" -> builder.kubelet(true);
        case "--pod-cidr" -> builder.podCidr(value(args, ++i));
        case "--issuer" -> builder.issuer(value(args, ++i));
        case "--watch-window" -> builder.watchWindow(Integer.parseInt(value(args, ++i)));
        case "--bookmark-seconds" -> builder.bookmarkInterval(Duration.ofSeconds(Long.parseLong(value(args, ++i))));
        case "-h", "--help" -> {
          System.out.print(USAGE);
          return;
        }
        default -> fail("unknown option " + args[i]);
      }
    }
    if (kubeconfig == null) {
      fail("--kubeconfig is required");
    }
    KubeSimulator sim = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      System.out.println("kube-sim stopped");
      stopped.countDown();
    }, "kube-sim-shutdown"));
    sim.writeKubeconfig(kubeconfig);
    System.out.println("kube-sim listening on " + sim.baseUrl());
    System.out.println("kubeconfig written to " + kubeconfig.toAbsolutePath());
    System.out.println("try: KUBECONFIG=" + kubeconfig.toAbsolutePath() + " kubectl get namespaces");
    stopped.await();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      fail(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("kube-sim: " + message);
    System.err.print(USAGE);
    System.exit(2);
  }
}
