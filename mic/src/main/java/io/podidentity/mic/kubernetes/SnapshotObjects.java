package io.podidentity.mic.kubernetes;

import io.podidentity.common.crd.V1AzureAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.model.ObjectRef;
import java.util.Map;
import java.util.Optional;

/**
 * The wire objects behind the latest snapshot's records, so an assigned identity embeds exactly the identity and
 * binding (at exactly the resourceVersions) that the planner matched, and an update starts from the object as it
 * was read.
 */
record SnapshotObjects(Map<ObjectRef, V1AzureIdentity> identities, Map<ObjectRef, V1AzureIdentityBinding> bindings,
    Map<ObjectRef, V1AzureAssignedIdentity> assigned) {

  static final SnapshotObjects EMPTY = new SnapshotObjects(Map.of(), Map.of(), Map.of());

  SnapshotObjects {
    identities = Map.copyOf(identities);
    bindings = Map.copyOf(bindings);
    assigned = Map.copyOf(assigned);
  }

  Optional<V1AzureIdentity> identity(ObjectRef ref) {
    return Optional.ofNullable(identities.get(ref));
  }

  Optional<V1AzureIdentityBinding> binding(ObjectRef ref) {
    return Optional.ofNullable(bindings.get(ref));
  }

  Optional<V1AzureAssignedIdentity> assigned(ObjectRef ref) {
    return Optional.ofNullable(assigned.get(ref));
  }
}
