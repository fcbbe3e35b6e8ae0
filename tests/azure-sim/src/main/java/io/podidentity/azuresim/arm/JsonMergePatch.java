package io.podidentity.azuresim.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** RFC 7386 JSON merge patch, which ARM's PATCH follows for resource properties. */
public final class JsonMergePatch {
  private JsonMergePatch() {}

  /** A new object: {@code target} with {@code patch} merged in (null members delete, objects merge recursively). */
  public static JsonObject apply(JsonObject target, JsonObject patch) {
    JsonObject result = target.deepCopy();
    for (Map.Entry<String, JsonElement> entry : patch.entrySet()) {
      JsonElement value = entry.getValue();
      if (value.isJsonNull()) {
        result.remove(entry.getKey());
      } else if (value.isJsonObject()) {
        JsonElement existing = result.get(entry.getKey());
        JsonObject base = existing != null && existing.isJsonObject() ? existing.getAsJsonObject() : new JsonObject();
        result.add(entry.getKey(), apply(base, value.getAsJsonObject()));
      } else {
        result.add(entry.getKey(), value.deepCopy());
      }
    }
    return result;
  }
}
