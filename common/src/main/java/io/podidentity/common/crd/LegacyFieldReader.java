package io.podidentity.common.crd;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.kubernetes.client.openapi.JSON;
import io.podidentity.common.model.Mapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads objects stored before aad-pod-identity v1.6.0, whose field names were spelled in other letter cases ({@code
 * ResourceID}, {@code clientid}, {@code Selector}, a capital {@code Status}, also inside the embedded copies of an
 * assigned identity). Like Go's decoder that the original's type upgrade relied on, it matches every field name to
 * the v1 name ignoring case (an exact match is just the common case; of two spellings the later wins), keeps the
 * values and drops fields v1 does not know. The names come from the wire classes' {@code @SerializedName}s, so the
 * reader cannot drift from them.
 */
public final class LegacyFieldReader {
  private LegacyFieldReader() {}

  /**
   * The canonical object of {@code type} (one of the four kinds) for {@code raw}, or a rejection when a value cannot
   * be read as its field's type.
   */
  public static <T extends CrdObject<?, ?, T>> Mapped<LegacyRead<T>> read(JsonObject raw, Class<T> type) {
    List<String> renamed = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    JsonObject canonical = canonical(raw, WireFields.of(type), "", renamed, dropped);
    try {
      T object = JSON.getGson().fromJson(canonical, type);
      return Mapped.valid(new LegacyRead<>(object, renamed, dropped));
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
      return Mapped.rejected(describe(raw, type) + ": cannot be read: " + e.getMessage());
    }
  }

  private static JsonObject canonical(
      JsonObject raw, WireFields fields, String path, List<String> renamed, List<String> dropped) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> entry : raw.entrySet()) {
      String name = entry.getKey();
      WireFields.Field field = fields.lookup(name);
      if (field == null) {
        dropped.add(path + name);
        continue;
      }
      if (!field.wireName().equals(name)) {
        renamed.add(path + name + " -> " + path + field.wireName());
      }
      String childPath = path + field.wireName() + ".";
      out.add(field.wireName(), canonicalValue(entry.getValue(), field, childPath, renamed, dropped));
    }
    return out;
  }

  private static JsonElement canonicalValue(
      JsonElement value, WireFields.Field field, String path, List<String> renamed, List<String> dropped) {
    WireFields nested = field.nested();
    if (nested == null) {
      return value;
    }
    if (value instanceof JsonObject object && !field.isList()) {
      return canonical(object, nested, path, renamed, dropped);
    }
    if (value instanceof JsonArray array && field.isList()) {
      JsonArray out = new JsonArray();
      for (int i = 0; i < array.size(); i++) {
        JsonElement item = array.get(i);
        String itemPath = path.substring(0, path.length() - 1) + "[" + i + "].";
        out.add(item instanceof JsonObject o ? canonical(o, nested, itemPath, renamed, dropped) : item);
      }
      return out;
    }
    return value;
  }

  private static String describe(JsonObject raw, Class<?> type) {
    JsonElement metadata = raw.get("metadata");
    String name = "?";
    String namespace = "?";
    if (metadata instanceof JsonObject meta) {
      name = text(meta.get("name"), name);
      namespace = text(meta.get("namespace"), namespace);
    }
    return type.getSimpleName().substring(2) + " " + namespace + "/" + name;
  }

  private static String text(JsonElement element, String otherwise) {
    return element != null && element.isJsonPrimitive() ? element.getAsString() : otherwise;
  }
}
