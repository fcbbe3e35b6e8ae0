package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import java.time.Instant;

/** Values the built-in printers put in cells: ages, counts, and "&lt;none&gt;" for empty strings. */
final class Cells {
  private Cells() {}

  static JsonPrimitive text(String s) {
    return new JsonPrimitive(s);
  }

  static JsonPrimitive orNone(String s) {
    return new JsonPrimitive(s == null || s.isEmpty() ? "<none>" : s);
  }

  static JsonPrimitive age(JsonObject obj, Instant now) {
    return new JsonPrimitive(HumanDuration.since(Timestamps.parse(JsonTree.string(obj, "metadata", "creationTimestamp")), now));
  }

  static JsonPrimitive since(String timestamp, Instant now) {
    return new JsonPrimitive(HumanDuration.since(Timestamps.parse(timestamp), now));
  }

  static JsonPrimitive name(JsonObject obj) {
    return new JsonPrimitive(Meta.name(obj));
  }

  static JsonPrimitive size(JsonElement... elements) {
    long n = 0;
    for (JsonElement e : elements) {
      if (e != null && e.isJsonObject()) {
        n += e.getAsJsonObject().size();
      } else if (e != null && e.isJsonArray()) {
        n += e.getAsJsonArray().size();
      }
    }
    return new JsonPrimitive(n);
  }
}
