package io.podidentity.system.sandbox;

import io.podidentity.system.process.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code make sandbox}: starts the sandbox, writes {@code target/sandbox/kubeconfig} and {@code target/sandbox/env},
 * plays the tutorial, and serves until Ctrl-C (SIGINT or SIGTERM), when it stops every program it started.
 *
 * <pre>
 * java -jar podidentity-system-tests.jar [--root DIR] [--out DIR] [--no-tutorial] [--exit-after-tutorial]
 * </pre>
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of("");
    Path out = null;
    boolean tutorial = true;
    boolean exitAfter = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--no-tutorial" -> tutorial = false;
        case "--exit-after-tutorial" -> exitAfter = true;
        default -> {
          System.err.println("sandbox: unknown option " + args[i]
              + "\nusage: [--root DIR] [--out DIR] [--no-tutorial] [--exit-after-tutorial]");
          System.exit(2);
        }
      }
    }
    Instant started = Instant.now();
    Sandbox sandbox = new Sandbox(root, out == null ? root.resolve("target/sandbox") : out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("sandbox: stopping " + sandbox.processes().stream().map(ChildProcess::name).toList());
      sandbox.close();
      System.out.println("sandbox: stopped");
      stopped.countDown();
    }, "sandbox-shutdown"));
    try {
      sandbox.start(what -> System.out.println("sandbox: " + what));
    } catch (RuntimeException e) {
      System.err.println("sandbox: failed to start: " + e.getMessage());
      System.exit(1);
    }
    printReady(sandbox, Duration.between(started, Instant.now()));
    boolean passed = !tutorial || new Tutorial(sandbox).run();
    if (exitAfter) {
      System.exit(passed ? 0 : 1);
    }
    System.out.println();
    System.out.println("sandbox: serving until Ctrl-C. In another terminal: . " + sandbox.out().resolve("env")
        + " && kubectl get azureassignedidentities");
    stopped.await();
  }

  private static void printReady(Sandbox sandbox, Duration took) {
    System.out.println("sandbox: ready in " + took.toMillis() / 100 / 10.0 + " s; wrote " + sandbox.out()
        .resolve("kubeconfig") + " and " + sandbox.out().resolve("env"));
    sandbox.env().forEach((k, v) -> System.out.println("  " + k + "=" + v));
    for (ChildProcess p : sandbox.processes()) {
      System.out.println("  " + p.name() + ": pid " + p.pid() + ", " + p.residentMib().map(m -> m + " MiB resident")
          .orElse("?") + ", log " + p.log());
    }
  }
}
