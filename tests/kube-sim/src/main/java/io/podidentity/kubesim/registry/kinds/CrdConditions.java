package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Sets a condition in a CRD's status, keeping lastTransitionTime when the status does not change. */
public final class CrdConditions {
  private CrdConditions() {}

  public static void set(JsonObject crd, String type, String status, String reason, String message, Instant now) {
    JsonObject st = JsonTree.child(crd, "status");
    JsonElement existing = st.get("conditions");
    JsonArray conditions = existing != null && existing.isJsonArray() ? existing.getAsJsonArray() : new JsonArray();
    JsonObject condition = null;
    for (JsonElement c : conditions) {
      if (type.equals(JsonTree.text(c, "type"))) {
        condition = c.getAsJsonObject();
      }
    }
    if (condition == null) {
      condition = new JsonObject();
      conditions.add(condition);
    }
    if (!status.equals(JsonTree.text(condition, "status")) || !condition.has("lastTransitionTime")) {
      condition.addProperty("lastTransitionTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    condition.addProperty("type", type);
    condition.addProperty("status", status);
    condition.addProperty("reason", reason);
    condition.addProperty("message", message);
    st.add("conditions", conditions);
  }

  public static boolean isTrue(JsonObject crd, String type) {
    JsonElement conditions = JsonTree.at(crd, "status", "conditions");
    if (conditions == null || !conditions.isJsonArray()) {
      return false;
    }
    for (JsonElement c : conditions.getAsJsonArray()) {
      if (type.equals(JsonTree.text(c, "type")) && "True".equals(JsonTree.text(c, "status"))) {
        return true;
      }
    }
    return false;
  }
}
