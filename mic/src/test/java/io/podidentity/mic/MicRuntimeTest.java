package io.podidentity.mic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.testing.FakeMic;
import io.podidentity.mic.testing.TestSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leadership gates the work: a standby replica never syncs; losing the lease or a failed start-up is fatal. */
class MicRuntimeTest {
  private FakeMic mic;

  @AfterEach
  void close() {
    mic.runtime.close();
  }

  @Test
  void aStandbyReplicaDoesNothingAndIsNotActive() {
    mic = new FakeMic(false, new MicMetrics(), TestSettings.settings());

    mic.runtime.start();

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> mic.runtime.status().syncs() == 0);
    assertThat(mic.runtime.status().healthz()).isEqualTo("Not Active");
    assertThat(mic.runtime.status().started()).isTrue();
  }

  @Test
  void theLeaderSyncsAndIsActive() {
    mic = new FakeMic(true, new MicMetrics(), TestSettings.settings());

    mic.runtime.start();

    await().until(() -> mic.runtime.status().syncs() > 0);
    assertThat(mic.runtime.status().healthz()).isEqualTo("Active");
    assertThat(mic.runtime.metrics().scrape()).contains("aadpodidentity_mic_new_leader_election_count 1");
  }

  @Test
  void losingTheLeaseEndsTheProcess() {
    mic = new FakeMic(true, new MicMetrics(), TestSettings.settings());
    mic.runtime.start();

    mic.leadership.lose();

    assertThat(mic.fatal.get()).isEqualTo(1);
  }

  @Test
  void aFailedLeaderStartUpEndsTheProcessBeforeAnySync() {
    mic = new FakeMic(true, new MicMetrics(), TestSettings.settings(), () -> {
      throw new IllegalStateException("type upgrade failed: 403");
    });

    mic.runtime.start();

    assertThat(mic.fatal.get()).isEqualTo(1);
    assertThat(mic.runtime.status().syncLoopRunning()).isFalse();
  }
}
