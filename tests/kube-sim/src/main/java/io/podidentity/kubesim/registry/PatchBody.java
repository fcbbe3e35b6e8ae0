package io.podidentity.kubesim.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.JsonDecoder;
import io.podidentity.kubesim.json.JsonSyntaxError;
import io.podidentity.kubesim.patch.JsonMergePatch;
import io.podidentity.kubesim.patch.JsonPatch;
import io.podidentity.kubesim.patch.PatchException;
import io.podidentity.kubesim.patch.StrategicMergePatch;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A PATCH body of one of the patch media types, applied to the current object's served JSON. Custom resources
 * take JSON patch, merge patch and apply patch; built-in kinds also take strategic merge patch. Malformed patches
 * are 400s and patches that do not apply 422s, as in the apiserver's patch handler.
 */
public record PatchBody(Type type, String text) {
  /** The patch media types. */
  public enum Type {
    JSON("application/json-patch+json"),
    MERGE("application/merge-patch+json"),
    STRATEGIC("application/strategic-merge-patch+json"),
    APPLY("application/apply-patch+yaml");

    private final String mediaType;

    Type(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /** Reads the body for a Content-Type, or fails with 415 listing what the resource accepts. */
  public static PatchBody of(String contentType, byte[] body, ApiResource r) {
    String base = contentType == null ? "" : contentType.split(";")[0].trim();
    for (Type t : accepted(r)) {
      if (t.mediaType.equals(base)) {
        return new PatchBody(t, new String(body, StandardCharsets.UTF_8));
      }
    }
    throw ApiException.unsupportedMediaType(accepted(r).stream().map(Type::mediaType).sorted().toList());
  }

  public static List<Type> accepted(ApiResource r) {
    return r.isCustom() ? List.of(Type.JSON, Type.MERGE, Type.APPLY) : List.of(Type.JSON, Type.MERGE, Type.STRATEGIC, Type.APPLY);
  }

  /** The patched served object. */
  public JsonObject applyTo(JsonObject current, ApiResource r) {
    JsonElement patch = parse();
    try {
      JsonElement result = switch (type) {
        case JSON -> JsonPatch.apply(current, patch);
        case MERGE -> JsonMergePatch.apply(current, patch);
        case STRATEGIC, APPLY -> strategic(current, patch, r);
      };
      if (result == null || !result.isJsonObject()) {
        throw ApiException.badRequest("json: cannot unmarshal " + io.podidentity.kubesim.json.GoTypes.jsonTypeName(result)
            + " into Go value of type map[string]interface {}");
      }
      return result.getAsJsonObject();
    } catch (PatchException e) {
      if (e.malformed()) {
        throw ApiException.badRequest(e.getMessage());
      }
      throw new ApiException(422, "Invalid", "the server rejected our request due to an error in our request",
          new ApiException.Details(null, null, null, null,
              List.of(new ApiException.Cause("UnexpectedServerResponse", e.getMessage(), null)), null));
    }
  }

  private static JsonElement strategic(JsonObject current, JsonElement patch, ApiResource r) throws PatchException {
    if (!patch.isJsonObject()) {
      throw new PatchException("json: cannot unmarshal " + io.podidentity.kubesim.json.GoTypes.jsonTypeName(patch)
          + " into Go value of type map[string]interface {}", true);
    }
    if (r.isCustom()) {
      return JsonMergePatch.apply(current, patch);
    }
    return StrategicMergePatch.apply(current, patch.getAsJsonObject(), r.schema().root());
  }

  private JsonElement parse() {
    String json = type == Type.APPLY ? MediaBody.toJsonText(text.getBytes(StandardCharsets.UTF_8), "application/yaml", false) : text;
    try {
      return JsonDecoder.parse(json).value();
    } catch (JsonSyntaxError e) {
      throw ApiException.badRequest(type == Type.STRATEGIC ? e.getMessage() : "error decoding patch: " + e.getMessage());
    }
  }
}
