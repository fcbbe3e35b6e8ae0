package io.podidentity.nmi.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.podidentity.common.model.PodRef;
import io.podidentity.nmi.config.IpLiterals;
import io.podidentity.nmi.decide.PodInfo;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodMapperTest {
  @Test
  void readsLabelsReplicaSetPhaseAndEveryAddressInCanonicalForm() throws Exception {
    V1Pod pod = new V1Pod().metadata(new V1ObjectMeta().namespace("kube-system").name("mic-7d-x")
            .labels(Map.of("app", "mic"))
            .ownerReferences(List.of(new V1OwnerReference().kind("replicaset").name("mic-7d"))))
        .spec(new V1PodSpec())
        .status(new V1PodStatus().phase("Running").podIP("10.244.0.5")
            .podIPs(List.of(new V1PodIP().ip("10.244.0.5"), new V1PodIP().ip("fd00:0::5"))));
    PodInfo info = PodMapper.toInfo(pod).orElseThrow();
    assertThat(info).isEqualTo(new PodInfo(new PodRef("kube-system", "mic-7d-x"), Map.of("app", "mic"), "mic-7d",
        "Running", false, List.of("10.244.0.5", "fd00:0:0:0:0:0:0:5")));
    String ipv6Caller = IpLiterals.canonical(InetAddress.getByName("fd00::0:5"));
    assertThat(info.addresses()).contains(ipv6Caller);
  }

  @Test
  void marksHostNetworkPodsAndToleratesMissingParts() {
    V1Pod pod = new V1Pod().metadata(new V1ObjectMeta().namespace("a").name("b"))
        .spec(new V1PodSpec().hostNetwork(true));
    PodInfo info = PodMapper.toInfo(pod).orElseThrow();
    assertThat(info.hostNetwork()).isTrue();
    assertThat(info.addresses()).isEmpty();
    assertThat(info.attributable()).isFalse();
    assertThat(PodMapper.toInfo(new V1Pod())).isEqualTo(Optional.empty());
  }

  @Test
  void neverResolvesNames() {
    assertThat(IpLiterals.parse("localhost")).isEmpty();
    assertThat(IpLiterals.parse("010.0.0.1")).isEmpty();
    assertThat(IpLiterals.canonical("::ffff:10.0.0.1")).contains("10.0.0.1");
  }
}
