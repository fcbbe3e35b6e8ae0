package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodIdentityException;
import io.podidentity.common.testing.CrdFixtures;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzurePodIdentityExceptionMapperTest {

  @Test
  void mapsLabels() {
    var wire = CrdFixtures.exception("default", "mic-exception", Map.of("app", "mic", "component", "mic"));

    assertThat(AzurePodIdentityExceptionMapper.toDomain(wire))
        .isEqualTo(Mapped.valid(new PodIdentityException(
            new ObjectRef("default", "mic-exception"), Map.of("app", "mic", "component", "mic"))));
  }

  @Test
  void exceptionWithoutLabelsIsValidAndExemptsNobody() {
    var wire = CrdFixtures.exception("default", "empty", Map.of()).spec(null);

    assertThat(AzurePodIdentityExceptionMapper.toDomain(wire))
        .isEqualTo(Mapped.valid(new PodIdentityException(new ObjectRef("default", "empty"), Map.of())));
  }

  @Test
  void rejectsLabelWithoutValue() {
    var labels = new HashMap<String, String>();
    labels.put("app", null);
    var wire = CrdFixtures.exception("default", "broken", Map.of());
    wire.getSpec().podLabels(labels);

    assertThat(AzurePodIdentityExceptionMapper.toDomain(wire))
        .isEqualTo(Mapped.rejected(
            "AzurePodIdentityException default/broken: spec.podLabels has no value for key \"app\""));
  }

  @Test
  void rejectsExceptionWithoutName() {
    var wire = CrdFixtures.exception("default", "x", Map.of("app", "mic"));
    wire.getMetadata().name(" ");

    assertThat(AzurePodIdentityExceptionMapper.toDomain(wire))
        .isEqualTo(Mapped.rejected("AzurePodIdentityException default/?: metadata.name is missing"));
  }
}
