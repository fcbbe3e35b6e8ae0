package io.podidentity.kubesim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request that fails with a {@code Status}: the factories word each failure exactly as
 * {@code k8s.io/apimachinery/pkg/api/errors} does, and {@link #status()} renders the wire body.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final transient Details details;

  /** The {@code details} of a Status; null members are omitted. */
  public record Details(String name, String group, String kind, String uid, List<Cause> causes, Integer retryAfterSeconds) {
    public Details {
      causes = causes == null ? List.of() : List.copyOf(causes);
    }

    public static Details of(String name, String group, String kind) {
      return new Details(name, group, kind, null, List.of(), null);
    }
  }

  /** One cause in the details. */
  public record Cause(String reason, String message, String field) {}

  public ApiException(int code, String reason, String message, Details details) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public static ApiException notFound(ResourceType type, String name) {
    return notFound(type.group(), type.plural(), name);
  }

  public static ApiException notFound(String group, String resource, String name) {
    return new ApiException(404, "NotFound", qualified(group, resource) + " \"" + name + "\" not found",
        Details.of(name, group, resource));
  }

  public static ApiException alreadyExists(ResourceType type, String name) {
    return new ApiException(409, "AlreadyExists", type.groupResource() + " \"" + name + "\" already exists",
        Details.of(name, type.group(), type.plural()));
  }

  public static ApiException conflict(ResourceType type, String name, String why) {
    return conflict(type.group(), type.plural(), name, why);
  }

  public static ApiException conflict(String group, String resource, String name, String why) {
    return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + qualified(group, resource) + " \""
        + name + "\": " + why, Details.of(name, group, resource));
  }

  /** The stale-write conflict, in the words the apiserver uses for it. */
  public static ApiException modified(ResourceType type, String name) {
    return conflict(type, name,
        "the object has been modified; please apply your changes to the latest version and try again");
  }

  public static ApiException invalid(String group, String kind, String name, List<FieldError> errors) {
    String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
    Set<String> messages = new LinkedHashSet<>();
    errors.forEach(e -> messages.add(e.message()));
    String aggregate = messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
    List<Cause> causes = errors.stream().map(e -> new Cause(e.type().wire(), e.body(), e.field())).toList();
    return new ApiException(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: " + aggregate,
        new Details(name, group, kind, null, causes, null));
  }

  public static ApiException invalid(ResourceType type, String name, List<FieldError> errors) {
    return invalid(type.group(), type.kind(), name, errors);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message, null);
  }

  public static ApiException forbidden(ResourceType type, String name, String why, List<Cause> causes) {
    String subject = name.isEmpty() ? type.groupResource() : type.groupResource() + " \"" + name + "\"";
    return new ApiException(403, "Forbidden", subject + " is forbidden: " + why,
        new Details(name, type.group(), type.plural(), null, causes, null));
  }

  public static ApiException methodNotSupported(ResourceType type, String action) {
    return new ApiException(405, "MethodNotAllowed", action + " is not supported on resources of kind \""
        + type.groupResource() + "\"", Details.of(null, type.group(), type.plural()));
  }

  public static ApiException expired(String message) {
    return new ApiException(410, "Expired", message, null);
  }

  public static ApiException unsupportedMediaType(List<String> accepted) {
    return new ApiException(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: " + String.join(", ", accepted),
        null);
  }

  public static ApiException timeout(String message, int retryAfterSeconds, List<Cause> causes) {
    return new ApiException(504, "Timeout", "Timeout: " + message,
        new Details(null, null, null, null, causes, retryAfterSeconds));
  }

  public static ApiException internal(String message) {
    return new ApiException(500, "InternalError", "Internal error occurred: " + message,
        new Details(null, null, null, null, List.of(new Cause(null, message, null)), null));
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "Unauthorized", "Unauthorized", null);
  }

  /** The generic 404 for a path that names no resource. */
  public static ApiException pathNotFound() {
    return new ApiException(404, "NotFound", "the server could not find the requested resource",
        new Details(null, null, null, null, List.of(), null));
  }

  private static String qualified(String group, String resource) {
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  /** The {@code Status} object this failure is answered with. */
  public JsonObject status() {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Failure");
    status.addProperty("message", getMessage());
    status.addProperty("reason", reason);
    if (details != null) {
      status.add("details", detailsJson());
    }
    status.addProperty("code", code);
    return status;
  }

  private JsonObject detailsJson() {
    JsonObject d = new JsonObject();
    addIfPresent(d, "name", details.name());
    addIfPresent(d, "group", details.group());
    addIfPresent(d, "kind", details.kind());
    addIfPresent(d, "uid", details.uid());
    if (!details.causes().isEmpty()) {
      JsonArray causes = new JsonArray();
      for (Cause c : details.causes()) {
        JsonObject cause = new JsonObject();
        addIfPresent(cause, "reason", c.reason());
        addIfPresent(cause, "message", c.message());
        addIfPresent(cause, "field", c.field());
        causes.add(cause);
      }
      d.add("causes", causes);
    }
    if (details.retryAfterSeconds() != null) {
      d.addProperty("retryAfterSeconds", details.retryAfterSeconds());
    }
    return d;
  }

  private static void addIfPresent(JsonObject o, String key, String value) {
    if (value != null && !value.isEmpty()) {
      o.addProperty(key, value);
    }
  }
}
