package io.podidentity.mic.kubernetes;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.podidentity.common.crd.AzureAssignedIdentityMapper;
import io.podidentity.common.crd.CrdKind;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureAssignedIdentity;
import io.podidentity.common.crd.V1AzureAssignedIdentityList;
import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.port.AssignedIdentityStore;
import io.podidentity.common.port.StoreResult;
import io.podidentity.mic.metrics.MicMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes {@code AzureAssignedIdentity} objects through the API server as the original did: POST new ones, PUT
 * updates over the object that was read, merge-patch {@code status.status}, and DELETE followed by removing MIC's
 * finalizer. Every successful write is remembered in {@link RecentWrites} until the watch shows it.
 */
final class KubernetesAssignedIdentityStore implements AssignedIdentityStore {
  private final GenericKubernetesApi<V1AzureAssignedIdentity, V1AzureAssignedIdentityList> api;
  private final Supplier<SnapshotObjects> objects;
  private final RecentWrites writes;
  private final boolean forceNamespaced;
  private final MicMetrics metrics;
  private final Clock clock;

  KubernetesAssignedIdentityStore(ApiClient client, Supplier<SnapshotObjects> objects, RecentWrites writes,
      boolean forceNamespaced, MicMetrics metrics, Clock clock) {
    this.api = ClusterInformers.api(client, CrdKind.AZURE_ASSIGNED_IDENTITY, V1AzureAssignedIdentity.class,
        V1AzureAssignedIdentityList.class);
    this.objects = objects;
    this.writes = writes;
    this.forceNamespaced = forceNamespaced;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public StoreResult create(AssignedIdentity created) {
    return guarded("assigned_identity_addition", () -> createNow(created));
  }

  private StoreResult createNow(AssignedIdentity created) {
    Optional<V1AzureAssignedIdentity> body = fresh(created);
    if (body.isEmpty()) {
      return missingCopies(created);
    }
    Instant start = clock.instant();
    return written(api.create(body.get()), "assigned_identity_addition",
        () -> metrics.assignedIdentityAdded(since(start)));
  }

  @Override
  public StoreResult update(AssignedIdentity replacement) {
    return guarded("assigned_identity_update", () -> updateNow(replacement));
  }

  private StoreResult updateNow(AssignedIdentity replacement) {
    Optional<V1AzureAssignedIdentity> fresh = fresh(replacement);
    Optional<V1AzureAssignedIdentity> current = objects.get().assigned(replacement.ref());
    if (fresh.isEmpty() || current.isEmpty()) {
      return missingCopies(replacement);
    }
    V1AzureAssignedIdentity body = WireCopies.copy(current.get(), V1AzureAssignedIdentity.class);
    body.getMetadata().labels(fresh.get().getMetadata().getLabels()).resourceVersion(replacement.resourceVersion());
    if (body.getMetadata().getFinalizers() == null
        || !body.getMetadata().getFinalizers().contains(CrdNames.ASSIGNED_IDENTITY_FINALIZER)) {
      body.getMetadata().addFinalizersItem(CrdNames.ASSIGNED_IDENTITY_FINALIZER);
    }
    body.spec(fresh.get().getSpec()).status(fresh.get().getStatus());
    Instant start = clock.instant();
    return written(api.update(body), "assigned_identity_update", () -> metrics.assignedIdentityUpdated(since(start)));
  }

  @Override
  public StoreResult setState(AssignedIdentity assigned, AssignmentState state) {
    return guarded("update_azure_assigned_identity_status", () -> setStateNow(assigned, state));
  }

  private StoreResult setStateNow(AssignedIdentity assigned, AssignmentState state) {
    String patch = "{\"status\":{\"status\":\"" + state.wireValue() + "\"}}";
    return written(api.patch(assigned.ref().namespace(), assigned.ref().name(), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        new V1Patch(patch)), "update_azure_assigned_identity_status", () -> { });
  }

  @Override
  public StoreResult delete(AssignedIdentity assigned) {
    return guarded("assigned_identity_deletion", () -> deleteNow(assigned));
  }

  private StoreResult deleteNow(AssignedIdentity assigned) {
    Instant start = clock.instant();
    String namespace = assigned.ref().namespace();
    String name = assigned.ref().name();
    KubernetesApiResponse<V1AzureAssignedIdentity> response = api.delete(namespace, name);
    if (!response.isSuccess() && response.getHttpStatusCode() != 404) {
      return failed(response, "assigned_identity_deletion");
    }
    V1AzureAssignedIdentity left = response.getObject();
    if (left != null && left.getMetadata() != null && left.getMetadata().getFinalizers() != null
        && left.getMetadata().getFinalizers().contains(CrdNames.ASSIGNED_IDENTITY_FINALIZER)) {
      List<String> kept = new ArrayList<>(left.getMetadata().getFinalizers());
      kept.remove(CrdNames.ASSIGNED_IDENTITY_FINALIZER);
      String patch = "{\"metadata\":{\"finalizers\":" + JSON.getGson().toJson(kept) + "}}";
      KubernetesApiResponse<V1AzureAssignedIdentity> stripped = api.patch(namespace, name,
          V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, new V1Patch(patch));
      if (!stripped.isSuccess() && stripped.getHttpStatusCode() != 404) {
        return failed(stripped, "assigned_identity_deletion");
      }
    }
    writes.deleted(namespace, name);
    metrics.assignedIdentityDeleted(since(start));
    return StoreResult.DONE;
  }

  // A connection failure surfaces from the client as an exception; to the executor it is just a failed write.
  private StoreResult guarded(String operation, Supplier<StoreResult> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      metrics.kubernetesOperationFailed(operation);
      return new StoreResult.Failed("request failed: " + e.getMessage());
    }
  }

  private Optional<V1AzureAssignedIdentity> fresh(AssignedIdentity assigned) {
    SnapshotObjects snapshot = objects.get();
    return snapshot.identity(assigned.identity().ref()).flatMap(identity -> snapshot.binding(assigned.binding().ref())
        .map(binding -> AzureAssignedIdentityMapper.newAssignedIdentity(identity, binding, assigned.pod(),
            assigned.nodeName(), forceNamespaced)));
  }

  private StoreResult written(KubernetesApiResponse<V1AzureAssignedIdentity> response, String operation,
      Runnable onSuccess) {
    if (!response.isSuccess()) {
      return failed(response, operation);
    }
    writes.wrote(response.getObject());
    onSuccess.run();
    return StoreResult.DONE;
  }

  private StoreResult failed(KubernetesApiResponse<?> response, String operation) {
    metrics.kubernetesOperationFailed(operation);
    V1Status status = response.getStatus();
    String reason = status == null ? "" : " " + status.getReason() + ": " + status.getMessage();
    return new StoreResult.Failed(response.getHttpStatusCode() + reason);
  }

  private static StoreResult missingCopies(AssignedIdentity assigned) {
    return new StoreResult.Failed("the identity or binding of " + assigned.ref() + " is no longer in the cache");
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
