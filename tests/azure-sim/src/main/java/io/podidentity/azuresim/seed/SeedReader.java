package io.podidentity.azuresim.seed;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.FederatedCredential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to the members of a seed-file object, failing with the member's name when one is missing. */
final class SeedReader {
  private final JsonObject object;
  private final String where;

  SeedReader(JsonObject object, String where) {
    this.object = object;
    this.where = where;
  }

  static List<SeedReader> list(JsonObject root, String member) {
    List<SeedReader> items = new ArrayList<>();
    JsonElement array = root.get(member);
    if (array != null && array.isJsonArray()) {
      int i = 0;
      for (JsonElement e : array.getAsJsonArray()) {
        if (!e.isJsonObject()) {
          throw new IllegalArgumentException(member + "[" + i + "] is not an object");
        }
        items.add(new SeedReader(e.getAsJsonObject(), member + "[" + i++ + "]"));
      }
    }
    return items;
  }

  String required(String member) {
    return Json.string(object, member)
        .orElseThrow(() -> new IllegalArgumentException(where + "." + member + " is required"));
  }

  Optional<String> optional(String member) {
    return Json.string(object, member);
  }

  boolean flag(String member) {
    return optional(member).map(Boolean::parseBoolean).orElse(false);
  }

  int integer(String member, int fallback) {
    return optional(member).map(Integer::parseInt).orElse(fallback);
  }

  List<String> strings(String member) {
    List<String> values = new ArrayList<>();
    JsonElement e = object.get(member);
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(v -> values.add(v.getAsString()));
    }
    return values;
  }

  Map<String, String> map(String member) {
    Map<String, String> values = new LinkedHashMap<>();
    JsonElement e = object.get(member);
    if (e != null && e.isJsonObject()) {
      e.getAsJsonObject().entrySet().forEach(x -> values.put(x.getKey(), x.getValue().getAsString()));
    }
    return values;
  }

  List<SeedReader> objects(String member) {
    return list(object, member).stream().map(r -> new SeedReader(r.object, where + "." + r.where)).toList();
  }

  /** A member that may be one object or an array of objects (IMDS bindings). */
  List<SeedReader> oneOrMany(String member) {
    JsonElement e = object.get(member);
    if (e != null && e.isJsonObject()) {
      JsonArray single = new JsonArray();
      single.add(e);
      JsonObject wrapper = new JsonObject();
      wrapper.add(member, single);
      return list(wrapper, member);
    }
    return objects(member);
  }

  List<FederatedCredential> federatedCredentials() {
    return objects("federatedCredentials").stream().map(f -> new FederatedCredential(f.required("name"),
        f.required("issuer"), f.required("subject"), f.strings("audiences").isEmpty()
            ? List.of(FederatedCredential.DEFAULT_AUDIENCE) : f.strings("audiences"))).toList();
  }
}
