package io.podidentity.mic.kubernetes;

import io.kubernetes.client.openapi.models.V1Node;
import io.podidentity.common.model.ComputeRef;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ProviderId;
import io.podidentity.common.plan.NodePlacement;
import io.podidentity.mic.azure.AzureConfig;

/**
 * Places a node on its Azure compute resource from {@code spec.providerID}, including its resource group. A node
 * without a providerID is taken to be a VM named like the node in the configured subscription and resource group,
 * as the original assumed for every VM; without those settings it cannot be placed.
 */
final class NodeMapper {
  private NodeMapper() {}

  static NodePlacement toPlacement(V1Node node, AzureConfig config) {
    String providerId = node.getSpec() == null ? null : node.getSpec().getProviderID();
    if (providerId == null || providerId.isBlank()) {
      if (config.subscriptionId().isEmpty() || config.resourceGroup().isEmpty()) {
        return new NodePlacement.Unplaceable("providerID is empty and no subscription and resource group are "
            + "configured");
      }
      return new NodePlacement.Placed(new ComputeRef.StandaloneVm(config.subscriptionId(), config.resourceGroup(),
          node.getMetadata().getName()));
    }
    return switch (ProviderId.parse(providerId)) {
      case Mapped.Valid<ComputeRef>(ComputeRef compute) -> new NodePlacement.Placed(compute);
      case Mapped.Rejected<ComputeRef>(String reason) -> new NodePlacement.Unplaceable(reason);
    };
  }
}
