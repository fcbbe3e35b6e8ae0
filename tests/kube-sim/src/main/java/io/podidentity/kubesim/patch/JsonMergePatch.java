package io.podidentity.kubesim.patch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** RFC 7386 JSON merge patch: objects merge recursively, null removes a key, anything else replaces. */
public final class JsonMergePatch {
  private JsonMergePatch() {}

  /** The patched document; neither argument is changed. */
  public static JsonElement apply(JsonElement target, JsonElement patch) {
    if (patch == null || !patch.isJsonObject()) {
      return patch == null ? null : patch.deepCopy();
    }
    JsonObject result = target != null && target.isJsonObject() ? target.getAsJsonObject().deepCopy() : new JsonObject();
    for (var e : patch.getAsJsonObject().entrySet()) {
      if (e.getValue().isJsonNull()) {
        result.remove(e.getKey());
      } else {
        result.add(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }
}
