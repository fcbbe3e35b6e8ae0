package io.podidentity.common.crd;

import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodIdentityException;
import java.util.Map;

/**
 * Validates a {@link V1AzurePodIdentityException} into a {@link PodIdentityException}. An exception without labels is
 * valid and exempts nobody, as in the original; a label without a value is refused.
 */
public final class AzurePodIdentityExceptionMapper {
  private static final String KIND = CrdNames.AZURE_POD_IDENTITY_EXCEPTION_KIND;

  private AzurePodIdentityExceptionMapper() {}

  /** The domain exception, or a rejection naming the object and the label without a value. */
  public static Mapped<PodIdentityException> toDomain(V1AzurePodIdentityException wire) {
    return WireObjects.ref(KIND, wire).flatMap(ref -> fromSpec(ref, wire).explain(KIND + " " + ref));
  }

  private static Mapped<PodIdentityException> fromSpec(ObjectRef ref, V1AzurePodIdentityException wire) {
    Map<String, String> labels = wire.getSpec() == null ? null : wire.getSpec().getPodLabels();
    if (labels == null) {
      return Mapped.valid(new PodIdentityException(ref, Map.of()));
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (label.getKey() == null || label.getValue() == null) {
        return Mapped.rejected("spec.podLabels has no value for key \"" + label.getKey() + "\"");
      }
    }
    return Mapped.valid(new PodIdentityException(ref, labels));
  }
}
