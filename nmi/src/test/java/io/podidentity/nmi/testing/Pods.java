package io.podidentity.nmi.testing;

import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.decide.PodInfo;
import java.util.List;
import java.util.Map;

/** Pods and assigned identities for NMI's tests, as MIC and the informers would present them. */
public final class Pods {
  public static final String NODE = "node-1";

  private Pods() {}

  /** A running pod with one address and the {@code aadpodidbinding} label. */
  public static PodInfo running(String namespace, String name, String address, String selector) {
    return new PodInfo(new PodRef(namespace, name), Map.of(CrdNames.POD_LABEL, selector), "", "Running", false,
        List.of(address));
  }

  public static PodInfo withLabels(String namespace, String name, String address, Map<String, String> labels,
      String replicaSet) {
    return new PodInfo(new PodRef(namespace, name), labels, replicaSet, "Running", false, List.of(address));
  }

  /** What MIC writes for {@code pod} and {@code identity}: the binding is named after the identity. */
  public static AssignedIdentity assigned(PodInfo pod, AzureIdentity identity, AssignmentState state) {
    IdentityBinding binding = ModelFixtures.binding(identity.ref().namespace(), identity.ref().name() + "-binding",
        identity.ref().name(), pod.labels().getOrDefault(CrdNames.POD_LABEL, "x"));
    ObjectRef ref = AssignedIdentity.refFor(pod.ref(), identity, false);
    return new AssignedIdentity(ref, "1", identity, binding, pod.ref(), NODE, state);
  }
}
