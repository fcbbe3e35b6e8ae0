package io.podidentity.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.ComputeRef.ScaleSetVm;
import io.podidentity.common.model.ComputeRef.StandaloneVm;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderIdTest {
  private static final String SUB = "2b6c4e1a-7f3d-4c8e-9a52-0d1e6f8b3c47";
  private static final String RG = "MC_demo-rg_demo-aks_westeurope";

  static Stream<Arguments> accepted() {
    String base = "azure:///subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Compute/";
    return Stream.of(
        Arguments.of(base + "virtualMachineScaleSets/aks-nodepool1-27389511-vmss/virtualMachines/1",
            new ScaleSetVm(SUB, RG, "aks-nodepool1-27389511-vmss", "1")),
        Arguments.of(base + "virtualMachines/aks-agentpool-27389511-0",
            new StandaloneVm(SUB, RG, "aks-agentpool-27389511-0")),
        Arguments.of("AZURE:///SUBSCRIPTIONS/" + SUB + "/resourcegroups/" + RG
                + "/PROVIDERS/microsoft.compute/VIRTUALMACHINESCALESETS/SS/VirtualMachines/12",
            new ScaleSetVm(SUB, RG, "SS", "12")),
        Arguments.of("/subscriptions/s/resourcegroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
            new StandaloneVm("s", "rg", "vm1")),
        Arguments.of(base + "virtualMachines/vm1/", new StandaloneVm(SUB, RG, "vm1")));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void readsStandaloneAndNestedScaleSetIdsInAnyCase(String providerId, ComputeRef expected) {
    assertThat(ProviderId.parse(providerId)).isEqualTo(Mapped.valid(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws:///us-east-1a/i-0123456789abcdef0",
        "kind://docker/kind/kind-control-plane",
        "azure:///subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss",
        "azure:///subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss/x/1",
        "azure:///subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualMachines/vm1",
        "azure:///subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/availabilitySets/as1",
        "azure:///subscriptions/s/resourceGroups//providers/Microsoft.Compute/virtualMachines/vm1",
        "azure:///subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/extra",
      })
  void rejectsOtherProviderIdsQuotingThem(String providerId) {
    Mapped<ComputeRef> parsed = ProviderId.parse(providerId);

    assertThat(parsed).isInstanceOf(Mapped.Rejected.class);
    assertThat(((Mapped.Rejected<ComputeRef>) parsed).reason()).contains("\"" + providerId + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void rejectsEmptyProviderIds(String providerId) {
    assertThat(ProviderId.parse(providerId)).isEqualTo(Mapped.rejected("providerID is empty"));
    assertThat(ProviderId.parse(null)).isEqualTo(Mapped.rejected("providerID is empty"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "azure:///subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss"
            + "/virtualMachines/3"
            + " | /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss",
        "azure:///subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1"
            + " | /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
      })
  void namesTheVmOrTheWholeScaleSetAsIdentityHolder(String providerId, String holder) {
    assertThat(ProviderId.parse(providerId).map(ComputeRef::identityHolderId)).isEqualTo(Mapped.valid(holder));
  }
}
