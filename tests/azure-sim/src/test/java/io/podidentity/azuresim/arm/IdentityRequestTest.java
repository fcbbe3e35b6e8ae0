package io.podidentity.azuresim.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.AttachedIdentity;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.SystemIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityRequestTest {
  private static final String ID1 = "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/"
      + "userAssignedIdentities/id1";
  private static final String ID2 = "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/"
      + "userAssignedIdentities/id2";
  private static final MachineIdentity WITH_ID1 = new MachineIdentity(null,
      Map.of(ID1.toLowerCase(), new AttachedIdentity(ID1, "p1", "c1")));

  @Test
  void patchMergesNewIdentitiesIntoTheCurrentSet() {
    IdentityChange change = IdentityRequest.interpret(WITH_ID1, body("UserAssigned", ID2, "{}"), false);
    assertThat(change).isInstanceOfSatisfying(IdentityChange.Apply.class, a -> {
      assertThat(a.userAssigned().values()).containsExactly(ID1, ID2);
      assertThat(a.requested()).containsExactly(ID2);
    });
  }

  @Test
  void nullValueRemovesThatIdentity() {
    IdentityChange change = IdentityRequest.interpret(WITH_ID1, Json.parseObject("{\"identity\":{\"type\":"
        + "\"UserAssigned\",\"userAssignedIdentities\":{\"" + ID1.toUpperCase() + "\":null,\"" + ID2 + "\":{}}}}")
        .orElseThrow(), false);
    assertThat(change).isInstanceOfSatisfying(IdentityChange.Apply.class,
        a -> assertThat(a.userAssigned().values()).containsExactly(ID2));
  }

  @Test
  void removingTheLastIdentityWhileTypeStillSaysUserAssignedIsRefused() {
    MachineIdentity both = new MachineIdentity(new SystemIdentity("p", "c", "t"), WITH_ID1.userAssigned());
    IdentityChange change = IdentityRequest.interpret(both, body("SystemAssigned, UserAssigned", ID1, "null"), false);
    assertThat(change).isInstanceOfSatisfying(IdentityChange.Invalid.class, i -> assertThat(i.error().bodyText())
        .contains("The identity ids must not be null or empty for 'UserAssigned' identity type."));
  }

  @Test
  void typeNoneClearsEverything() {
    IdentityChange change = IdentityRequest.interpret(WITH_ID1,
        Json.parseObject("{\"identity\":{\"type\":\"None\"}}").orElseThrow(), false);
    assertThat(change).isEqualTo(new IdentityChange.Apply(false, Map.of(), java.util.List.of(), 0));
  }

  @Test
  void missingTypeIsInvalidRequestContent() {
    IdentityChange change = IdentityRequest.interpret(WITH_ID1,
        Json.parseObject("{\"identity\":{\"userAssignedIdentities\":{}}}").orElseThrow(), false);
    assertThat(change).isInstanceOfSatisfying(IdentityChange.Invalid.class, i -> assertThat(i.error().bodyText())
        .contains("InvalidRequestContent").contains("Required property 'type' not found in JSON. Path 'identity'."));
  }

  @Test
  void identityIdsWithSystemAssignedTypeAreRefused() {
    IdentityChange change = IdentityRequest.interpret(MachineIdentity.NONE, body("SystemAssigned", ID1, "{}"), false);
    assertThat(change).isInstanceOfSatisfying(IdentityChange.Invalid.class, i -> assertThat(i.error().bodyText())
        .contains("ResourceIdentity identityIds should not be provided if the type is \\\"SystemAssigned\\\"."));
  }

  @Test
  void duplicateIdsDifferingOnlyInCaseAreRefused() {
    JsonObject json = Json.parseObject("{\"identity\":{\"type\":\"UserAssigned\",\"userAssignedIdentities\":{\""
        + ID1 + "\":{},\"" + ID1.toUpperCase() + "\":{}}}}").orElseThrow();
    assertThat(IdentityRequest.interpret(MachineIdentity.NONE, json, false))
        .isInstanceOfSatisfying(IdentityChange.Invalid.class,
            i -> assertThat(i.error().bodyText()).contains("cannot be duplicated in the provided identityIds list"));
  }

  @Test
  void noIdentityBlockLeavesIdentitiesAlone() {
    assertThat(IdentityRequest.interpret(WITH_ID1, new JsonObject(), false))
        .isInstanceOf(IdentityChange.Unchanged.class);
  }

  private static JsonObject body(String type, String id, String value) {
    return Json.parseObject("{\"identity\":{\"type\":\"" + type + "\",\"userAssignedIdentities\":{\"" + id + "\":"
        + value + "}}}").orElseThrow();
  }
}
