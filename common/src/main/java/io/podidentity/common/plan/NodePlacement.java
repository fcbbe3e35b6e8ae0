package io.podidentity.common.plan;

import io.podidentity.common.model.ComputeRef;
import java.util.Objects;

/**
 * Where a node that exists in the cluster runs on Azure: on a known compute resource, or unknown because its {@code
 * spec.providerID} cannot be read. A node that does not exist has no placement at all (absent from the snapshot).
 */
public sealed interface NodePlacement {

  /** The node runs on this VM or scale-set VM. */
  record Placed(ComputeRef compute) implements NodePlacement {
    public Placed {
      Objects.requireNonNull(compute, "compute");
    }

    public ComputeTarget target() {
      return ComputeTarget.of(compute);
    }
  }

  /** The node's compute resource is unknown; {@code reason} quotes the providerID and says what is wrong. */
  record Unplaceable(String reason) implements NodePlacement {
    public Unplaceable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
