package io.podidentity.kubesim.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.GoTypes;
import io.podidentity.kubesim.json.JsonDecoder;
import io.podidentity.kubesim.json.JsonSyntaxError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.schema.ObjectSchema;
import io.podidentity.kubesim.schema.Pruner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns a request body into the object the handlers work with, failing as the apiserver's decoding does: syntax
 * errors, a kind or apiVersion the URL does not take, Go type mismatches of built-in kinds (all 400), and unknown
 * or duplicate fields per the {@code fieldValidation} directive (400 when Strict, warnings when Warn).
 */
public final class BodyDecoder {
  private static final Map<String, String> INTERNAL_PACKAGES = Map.of("", "core", "coordination.k8s.io",
      "coordination", "events.k8s.io", "core", "apiextensions.k8s.io", "apiextensions", "authentication.k8s.io",
      "authentication");

  private final ApiResources resources;

  public BodyDecoder(ApiResources resources) {
    this.resources = resources;
  }

  /** A decoded object and the warnings (unknown or duplicate fields under Warn) to send with the answer. */
  public record Decoded(JsonObject object, List<String> warnings) {}

  /** Parses and decodes a body for the resource. */
  public Decoded decode(byte[] body, String contentType, ApiResource resource, FieldValidation directive) {
    String text = MediaBody.toJsonText(body, contentType, resource.isCustom());
    JsonDecoder.Parsed parsed;
    try {
      parsed = JsonDecoder.parse(text);
    } catch (JsonSyntaxError e) {
      throw unrecognized(resource, "couldn't get version/kind; json parse error: " + e.getMessage(), body);
    }
    if (!parsed.value().isJsonObject()) {
      throw unrecognized(resource, "couldn't get version/kind; json parse error: json: cannot unmarshal "
          + GoTypes.jsonTypeName(parsed.value()) + " into Go value of type struct { APIVersion string "
          + "\"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }", body);
    }
    JsonObject object = parsed.value().getAsJsonObject();
    typeMeta(object, resource, text, body);
    return decodeObject(object, resource, directive, parsed.duplicateFields());
  }

  /** Decodes an object that is already JSON (the result of applying a patch). */
  public Decoded decodeObject(JsonObject object, ApiResource resource, FieldValidation directive, List<String> duplicates) {
    if (resource.schema() instanceof ObjectSchema.Builtin builtin) {
      String error = builtin.decodeError(object);
      if (error != null) {
        throw cannotHandle(resource, object, error);
      }
      stripNulls(object);
    }
    List<String> unknown = Pruner.pruneObject(object, resource.schema().root(), resource.schema().objectMeta());
    if (resource.schema() instanceof ObjectSchema.Custom custom) {
      unknown.sort(null);
      custom.applyDefaults(object);
    }
    List<String> problems = new ArrayList<>();
    duplicates.forEach(d -> problems.add("duplicate field " + GoTypes.quote(d)));
    unknown.forEach(u -> problems.add("unknown field " + GoTypes.quote(u)));
    if (problems.isEmpty() || directive == FieldValidation.IGNORE) {
      return new Decoded(object, List.of());
    }
    if (directive == FieldValidation.STRICT) {
      throw cannotHandle(resource, object, "strict decoding error: " + String.join(", ", problems));
    }
    return new Decoded(object, problems);
  }

  private void typeMeta(JsonObject object, ApiResource resource, String text, byte[] body) {
    for (String field : List.of("apiVersion", "kind")) {
      JsonElement e = object.get(field);
      if (e != null && !e.isJsonNull() && !JsonTree.isString(e)) {
        throw unrecognized(resource, "couldn't get version/kind; json parse error: json: cannot unmarshal "
            + GoTypes.jsonTypeName(e) + " into Go struct field ." + field + " of type string", body);
      }
    }
    String kind = JsonTree.text(object, "kind");
    String apiVersion = JsonTree.text(object, "apiVersion");
    if (resource.isCustom()) {
      if (kind.isEmpty()) {
        throw unrecognized(resource, "Object 'Kind' is missing in '" + text + "'", body);
      }
    } else {
      if (kind.isEmpty()) {
        kind = resource.type().kind();
        object.addProperty("kind", kind);
      }
      if (apiVersion.isEmpty()) {
        apiVersion = resource.type().apiVersion();
        object.addProperty("apiVersion", apiVersion);
      }
      if (!kind.equals(resource.type().kind())) {
        throw cannotHandle(resource, object, otherKind(apiVersion, kind, resource));
      }
    }
    if (!apiVersion.equals(resource.type().apiVersion()) && !servesSameGroup(resource, apiVersion)) {
      throw ApiException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + resource.type().apiVersion() + ")");
    }
    object.addProperty("apiVersion", apiVersion.isEmpty() ? resource.type().apiVersion() : apiVersion);
  }

  private boolean servesSameGroup(ApiResource resource, String apiVersion) {
    if (!resource.isCustom()) {
      return false;
    }
    int slash = apiVersion.indexOf('/');
    return slash > 0 && apiVersion.substring(0, slash).equals(resource.type().group())
        && resources.find(resource.type().group(), apiVersion.substring(slash + 1), resource.type().plural()) != null;
  }

  private String otherKind(String apiVersion, String kind, ApiResource target) {
    boolean known = resources.all().stream()
        .anyMatch(r -> r.type().apiVersion().equals(apiVersion) && r.type().kind().equals(kind));
    if (!known) {
      return "no kind " + GoTypes.quote(kind) + " is registered for version " + GoTypes.quote(apiVersion)
          + " in scheme \"pkg/api/legacyscheme/scheme.go:30\"";
    }
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return "converting (" + version + "." + kind + ") to ("
        + INTERNAL_PACKAGES.getOrDefault(target.type().group(), "core") + "." + target.type().kind()
        + "): unknown conversion";
  }

  private static ApiException cannotHandle(ApiResource resource, JsonObject object, String reason) {
    String kind = JsonTree.text(object, "kind");
    String apiVersion = JsonTree.text(object, "apiVersion");
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return ApiException.badRequest(kind + " in version " + GoTypes.quote(version) + " cannot be handled as a "
        + resource.type().kind() + ": " + reason);
  }

  private static ApiException unrecognized(ApiResource resource, String reason, byte[] body) {
    return ApiException.badRequest("the object provided is unrecognized (must be of type " + resource.type().kind()
        + "): " + reason + " (" + summary(body) + ")");
  }

  /** The apiserver's {@code summarizeData}: the first 30 bytes, as text for JSON objects and hex otherwise. */
  static String summary(byte[] data) {
    if (data.length == 0) {
      return "<empty>";
    }
    int n = Math.min(data.length, 30);
    String head = data[0] == '{' ? new String(data, 0, n, StandardCharsets.UTF_8)
        : HexFormat.of().formatHex(data, 0, n);
    return data.length > 30 ? head + " ..." : head;
  }

  /** Drops nulls, as decoding into Go structs (and encoding with omitempty) does. */
  private static void stripNulls(JsonElement e) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().entrySet().removeIf(en -> en.getValue().isJsonNull());
      e.getAsJsonObject().entrySet().forEach(en -> stripNulls(en.getValue()));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(BodyDecoder::stripNulls);
    }
  }
}
