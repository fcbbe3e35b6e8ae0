package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.testing.CrdFixtures;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AzureIdentityBindingMapperTest {

  @Test
  void mapsBindingWithItsResourceVersion() {
    V1AzureIdentityBinding wire = CrdFixtures.binding("team-a", "b1", "id1", "web");
    wire.getMetadata().resourceVersion("812");
    wire.getSpec().weight(5);

    assertThat(AzureIdentityBindingMapper.toDomain(wire))
        .isEqualTo(Mapped.valid(new IdentityBinding(new ObjectRef("team-a", "b1"), "812", "id1", "web")));
  }

  @Test
  void bindingNotYetStoredHasEmptyResourceVersion() {
    V1AzureIdentityBinding wire = CrdFixtures.binding("ns", "b1", "id1", "web");
    wire.getMetadata().resourceVersion(null);

    assertThat(AzureIdentityBindingMapper.toDomain(wire).map(IdentityBinding::resourceVersion))
        .isEqualTo(Mapped.valid(""));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of((Consumer<V1AzureIdentityBinding>) b -> b.getSpec().azureIdentity(null),
            "AzureIdentityBinding ns/b1: spec.azureIdentity is missing"),
        Arguments.of((Consumer<V1AzureIdentityBinding>) b -> b.getSpec().selector(""),
            "AzureIdentityBinding ns/b1: spec.selector is missing"),
        Arguments.of((Consumer<V1AzureIdentityBinding>) b -> b.spec(null),
            "AzureIdentityBinding ns/b1: spec.azureIdentity is missing"),
        Arguments.of((Consumer<V1AzureIdentityBinding>) b -> b.getMetadata().namespace(null),
            "AzureIdentityBinding ?/b1: metadata.namespace is missing"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectsBindingThatCanNeverMatch(Consumer<V1AzureIdentityBinding> breakIt, String reason) {
    V1AzureIdentityBinding wire = CrdFixtures.binding("ns", "b1", "id1", "web");
    breakIt.accept(wire);

    assertThat(AzureIdentityBindingMapper.toDomain(wire)).isEqualTo(Mapped.rejected(reason));
  }
}
