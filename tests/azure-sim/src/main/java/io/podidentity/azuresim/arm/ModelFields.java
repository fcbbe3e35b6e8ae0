package io.podidentity.azuresim.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the model parts of a Compute PUT or PATCH body that the simulator keeps in typed form. */
final class ModelFields {
  private ModelFields() {}

  static Map<String, String> tags(JsonObject body, Map<String, String> current) {
    JsonElement tags = body.get("tags");
    if (tags == null) {
      return current;
    }
    Map<String, String> next = new LinkedHashMap<>();
    if (tags.isJsonObject()) {
      tags.getAsJsonObject().entrySet().forEach(e -> next.put(e.getKey(),
          e.getValue().isJsonNull() ? "" : e.getValue().getAsString()));
    }
    return next;
  }

  /** The properties object of a body without the members the service owns. */
  static JsonObject properties(JsonObject body) {
    JsonElement p = body.get("properties");
    JsonObject properties = p != null && p.isJsonObject() ? p.getAsJsonObject().deepCopy() : new JsonObject();
    for (String owned : new String[] {"provisioningState", "vmId", "uniqueId", "timeCreated"}) {
      properties.remove(owned);
    }
    return properties;
  }

  static Optional<String> vmSize(JsonObject properties) {
    JsonElement hw = properties.get("hardwareProfile");
    if (hw != null && hw.isJsonObject() && hw.getAsJsonObject().has("vmSize")) {
      String size = hw.getAsJsonObject().get("vmSize").getAsString();
      hw.getAsJsonObject().remove("vmSize");
      return Optional.of(size);
    }
    return Optional.empty();
  }

  static Optional<String> skuName(JsonObject body) {
    JsonElement sku = body.get("sku");
    return sku != null && sku.isJsonObject() && sku.getAsJsonObject().has("name")
        ? Optional.of(sku.getAsJsonObject().get("name").getAsString()) : Optional.empty();
  }

  static Optional<Integer> skuCapacity(JsonObject body) {
    JsonElement sku = body.get("sku");
    return sku != null && sku.isJsonObject() && sku.getAsJsonObject().has("capacity")
        ? Optional.of(sku.getAsJsonObject().get("capacity").getAsInt()) : Optional.empty();
  }
}
