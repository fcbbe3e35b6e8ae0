package io.podidentity.nmi.decide;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.PodIdentityException;
import java.util.List;

/**
 * What the caches hold for one request, per mode: in standard mode the assigned identities written for the pod; in
 * managed mode the bindings and identities of the pod's namespace. Both carry the exceptions of that namespace.
 */
public sealed interface IdentityView {

  List<PodIdentityException> exceptions();

  /** Standard mode: MIC's assigned identities for the pod, in any state. */
  record Standard(List<AssignedIdentity> assigned, List<PodIdentityException> exceptions) implements IdentityView {
    public Standard {
      assigned = List.copyOf(assigned);
      exceptions = List.copyOf(exceptions);
    }
  }

  /** Managed mode: the bindings and identities of the pod's namespace (identities are pre-assigned to the VMs). */
  record Managed(List<IdentityBinding> bindings, List<AzureIdentity> identities, List<PodIdentityException> exceptions)
      implements IdentityView {
    public Managed {
      bindings = List.copyOf(bindings);
      identities = List.copyOf(identities);
      exceptions = List.copyOf(exceptions);
    }
  }
}
