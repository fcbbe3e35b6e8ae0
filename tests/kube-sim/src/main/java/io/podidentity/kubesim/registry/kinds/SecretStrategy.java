package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.KindStrategy;
import io.podidentity.kubesim.select.SelectableFields;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Secrets: {@code stringData} is merged into {@code data} (base64) and never stored, the type defaults to
 * Opaque, keys must be valid config keys, and an immutable secret's data cannot change.
 */
public final class SecretStrategy implements KindStrategy {
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final SelectableFields FIELDS =
      SelectableFields.converted(true, Map.of("type", SelectableFields.path("type")));

  @Override
  public SelectableFields fields() {
    return FIELDS;
  }

  @Override
  public void prepareForCreate(JsonObject secret, Instant now) {
    mergeStringData(secret);
    if (JsonTree.text(secret, "type").isEmpty()) {
      secret.addProperty("type", "Opaque");
    }
  }

  @Override
  public void prepareForUpdate(JsonObject secret, JsonObject old) {
    mergeStringData(secret);
    if (JsonTree.text(secret, "type").isEmpty()) {
      secret.addProperty("type", JsonTree.text(old, "type"));
    }
  }

  @Override
  public List<FieldError> validate(JsonObject secret) {
    List<FieldError> errs = new ArrayList<>();
    JsonObject data = JsonTree.object(secret, "data");
    if (data != null) {
      for (String key : data.keySet()) {
        if (!KEY.matcher(key).matches()) {
          errs.add(FieldError.invalid("data[" + key + "]", key, "a valid config key must consist of alphanumeric "
              + "characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for "
              + "validation is '[-._a-zA-Z0-9]+')"));
        }
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(JsonObject secret, JsonObject old) {
    List<FieldError> errs = new ArrayList<>(validate(secret));
    JsonElement immutable = old.get("immutable");
    if (immutable != null && immutable.isJsonPrimitive() && immutable.getAsBoolean()) {
      if (!java.util.Objects.equals(secret.get("data"), old.get("data"))) {
        errs.add(FieldError.forbidden("data", "field is immutable when `immutable` is set"));
      }
      if (!java.util.Objects.equals(secret.get("immutable"), immutable)) {
        errs.add(FieldError.forbidden("immutable", "field is immutable when `immutable` is set"));
      }
    }
    return errs;
  }

  private static void mergeStringData(JsonObject secret) {
    JsonObject stringData = JsonTree.object(secret, "stringData");
    secret.remove("stringData");
    if (stringData == null || stringData.isEmpty()) {
      return;
    }
    JsonObject data = JsonTree.child(secret, "data");
    stringData.entrySet().forEach(e -> data.addProperty(e.getKey(),
        Base64.getEncoder().encodeToString(e.getValue().getAsString().getBytes(StandardCharsets.UTF_8))));
  }
}
