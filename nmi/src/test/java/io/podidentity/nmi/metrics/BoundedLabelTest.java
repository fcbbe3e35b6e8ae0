package io.podidentity.nmi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.nmi.token.TokenCache;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedLabelTest {
  @Test
  void keepsTheFirstValuesAndFoldsTheRestIntoOther() {
    BoundedLabel label = new BoundedLabel(2);
    assertThat(label.of("a")).isEqualTo("a");
    assertThat(label.of("b")).isEqualTo("b");
    assertThat(label.of("c")).isEqualTo("other");
    assertThat(label.of("a")).isEqualTo("a");
  }

  @Test
  void exportsTheOriginalsNamesWithRouteLabels() {
    NmiMetrics metrics = new NmiMetrics();
    metrics.request("token", 200, "team-a", "https://vault.azure.net", Duration.ofMillis(3));
    metrics.called("adal_token_msi_userassignedid", Duration.ofMillis(20), true);
    metrics.called("adal_token", Duration.ofMillis(20), false);
    metrics.kubernetesError("get_pod_list");
    metrics.cacheLookup(TokenCache.Lookup.HIT);
    for (int i = 0; i < 500; i++) {
      metrics.request("token", 404, "team-a", "https://r" + i, Duration.ofMillis(1));
    }
    String text = metrics.scrape();
    assertThat(text).contains("aadpodidentity_nmi_operations_duration_seconds_bucket{operation_type=\"token\","
        + "status_code=\"200\",namespace=\"team-a\",resource=\"https://vault.azure.net\",le=\"0.5\"} 1")
        .contains("aadpodidentity_imds_operations_duration_seconds_count{operation_type="
            + "\"adal_token_msi_userassignedid\"} 1")
        .contains("aadpodidentity_imds_operations_errors_count{operation_type=\"adal_token\"} 1")
        .contains("aadpodidentity_kubernetes_api_operations_errors_count{operation_type=\"get_pod_list\"} 1")
        .contains("aadpodidentity_nmi_token_cache_lookups_count{result=\"hit\"} 1")
        .contains("resource=\"other\"");
    assertThat(text.lines().filter(l -> l.startsWith("aadpodidentity_nmi_operations_duration_seconds_count")))
        .hasSizeLessThanOrEqualTo(102);
  }
}
