package io.podidentity.kubesim;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulator shared by the tests of one class: started before them (settled, and with the test CRD when asked),
 * closed after them. Register it as a static field with {@code @RegisterExtension}.
 */
final class RunningSimulator implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<KubeSimulator.Builder> options;
  private final boolean identityCrd;
  private KubeSimulator sim;
  private SimHttp http;

  private RunningSimulator(UnaryOperator<KubeSimulator.Builder> options, boolean identityCrd) {
    this.options = options;
    this.identityCrd = identityCrd;
  }

  static RunningSimulator plain() {
    return new RunningSimulator(b -> b, false);
  }

  static RunningSimulator withIdentityCrd() {
    return new RunningSimulator(b -> b, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sim = options.apply(KubeSimulator.builder()).start();
    http = new SimHttp(sim);
    if (identityCrd) {
      Fixtures.installIdentityCrd(sim);
    } else {
      Fixtures.awaitSettled(sim);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sim.close();
  }

  KubeSimulator sim() {
    return sim;
  }

  SimHttp http() {
    return http;
  }
}
