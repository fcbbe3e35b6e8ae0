package io.podidentity.common.plan;

import static io.podidentity.common.testing.UserAssignedIdentityIds.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The delta PATCH rules of §2.6. */
class IdentityPatchesTest {
  private static final UserAssignedIdentityId A = named("a");
  private static final UserAssignedIdentityId B = named("b");
  private static final UserAssignedIdentityId KUBELET = named("kubelet");

  private static HolderIdentity holder(String type, UserAssignedIdentityId... ids) {
    return new HolderIdentity(type, Stream.of(ids).map(Object::toString).collect(Collectors.toSet()));
  }

  static Stream<Arguments> typeMapping() {
    return Stream.of(
        Arguments.of("", "UserAssigned"),
        Arguments.of("None", "UserAssigned"),
        Arguments.of("UserAssigned", "UserAssigned"),
        Arguments.of("SystemAssigned", "SystemAssigned, UserAssigned"),
        Arguments.of("SystemAssigned, UserAssigned", "SystemAssigned, UserAssigned"),
        Arguments.of("Weird", "None"));
  }

  @ParameterizedTest(name = "{0} becomes {1} when user-assigned identities remain")
  @MethodSource("typeMapping")
  void mapsTheIdentityTypeAsTheOriginal(String before, String after) {
    List<IdentityPatch> patches = IdentityPatches.between(holder(before), new IdentityChange(Set.of(A), Set.of()));

    assertThat(patches).containsExactly(new IdentityPatch(after, Map.of(A.toString(), true)));
  }

  @Test
  void sendsOnlyWhatChangesAndLeavesOtherIdentitiesAlone() {
    HolderIdentity current = holder("UserAssigned", KUBELET, B);

    List<IdentityPatch> patches = IdentityPatches.between(current, new IdentityChange(Set.of(A), Set.of(B)));

    Map<String, Boolean> expected = new LinkedHashMap<>();
    expected.put(B.toString(), false);
    expected.put(A.toString(), true);
    assertThat(patches).containsExactly(new IdentityPatch("UserAssigned", expected));
  }

  @Test
  void keepsAnIdentityThatIsBothAddedAndRemoved() {
    assertThat(IdentityPatches.between(holder("UserAssigned", A), new IdentityChange(Set.of(A), Set.of(A)))).isEmpty();
    assertThat(IdentityPatches.between(holder("None"), new IdentityChange(Set.of(A), Set.of(A))))
        .containsExactly(new IdentityPatch("UserAssigned", Map.of(A.toString(), true)));
  }

  @Test
  void makesNoRequestWhenNothingChanges() {
    assertThat(IdentityPatches.between(holder("UserAssigned", A), new IdentityChange(Set.of(A), Set.of(B)))).isEmpty();
    assertThat(IdentityPatches.between(holder("SystemAssigned"), new IdentityChange(Set.of(), Set.of(A)))).isEmpty();
    assertThat(IdentityPatches.between(HolderIdentity.NONE, IdentityChange.NONE)).isEmpty();
  }

  @Test
  void comparesIdsIgnoringCaseAndDetachesThemAsArmSpellsThem() {
    String armSpelling = A.toString().toUpperCase();
    HolderIdentity current = new HolderIdentity("UserAssigned", Set.of(armSpelling, B.toString()));

    assertThat(IdentityPatches.between(current, new IdentityChange(Set.of(A), Set.of()))).isEmpty();
    assertThat(IdentityPatches.between(current, new IdentityChange(Set.of(), Set.of(A))))
        .containsExactly(new IdentityPatch("UserAssigned", Map.of(armSpelling, false)));
  }

  @Test
  void detachingTheLastIdentityKeepsTheSystemAssignedOne() {
    assertThat(IdentityPatches.between(holder("SystemAssigned, UserAssigned", A),
        new IdentityChange(Set.of(), Set.of(A)))).containsExactly(new IdentityPatch("SystemAssigned", Map.of()));
    assertThat(IdentityPatches.between(holder("UserAssigned", A), new IdentityChange(Set.of(), Set.of(A))))
        .containsExactly(new IdentityPatch("None", Map.of()));
  }

  @Test
  void splitsMoreThan150IdsIntoSeveralRequests() {
    Set<UserAssignedIdentityId> many = IntStream.range(0, 320).mapToObj(i -> named("id" + i))
        .collect(Collectors.toSet());

    List<IdentityPatch> patches = IdentityPatches.between(holder("UserAssigned", KUBELET),
        new IdentityChange(many, Set.of()));

    assertThat(patches).extracting(IdentityPatch::size).containsExactly(150, 150, 20);
    assertThat(patches).allMatch(p -> p.type().equals("UserAssigned"));
    assertThat(patches.stream().flatMap(p -> p.userAssignedIdentities().keySet().stream()).distinct()).hasSize(320);
  }

  @Test
  void predictsTheResultOfAPatch() {
    HolderIdentity current = holder("SystemAssigned, UserAssigned", A, KUBELET);
    IdentityChange change = new IdentityChange(Set.of(B), Set.of(A));

    HolderIdentity after = IdentityPatches.between(current, change).stream().reduce(current, HolderIdentity::after,
        (x, y) -> y);

    assertThat(after.has(B)).isTrue();
    assertThat(after.has(A)).isFalse();
    assertThat(after.has(KUBELET)).isTrue();
    assertThat(after.hasSystemAssigned()).isTrue();
  }
}
