package io.podidentity.azuresim.imds;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.World;
import java.util.Optional;

/**
 * {@code GET /metadata/instance[/{path}]} and {@code /metadata/versions}. Route segments after
 * {@code /metadata/instance} walk into the document (array elements by index); a leaf needs {@code format=text}.
 */
public final class InstanceMetadataHandler {
  private static final String PREFIX = "/metadata/instance";

  private final World world;

  public InstanceMetadataHandler(World world) {
    this.world = world;
  }

  public SimResponse instance(MachineRef machine, SimRequest request) {
    if (!"true".equals(request.header("metadata").orElse(""))) {
      return ImdsErrors.instanceHeaderRequired();
    }
    Optional<String> version = request.queryParam("api-version");
    if (version.isEmpty() || !ImdsVersions.supportsInstance(version.get())) {
      return ImdsErrors.instanceApiVersion();
    }
    Optional<JsonObject> document = InstanceMetadata.of(world, machine);
    if (document.isEmpty()) {
      return ImdsErrors.instance(404, "Not found");
    }
    Optional<JsonElement> node = walk(document.get(), request.path().substring(PREFIX.length()));
    if (node.isEmpty()) {
      return ImdsErrors.notFound(request.path(), request.method());
    }
    boolean text = "text".equals(request.queryParam("format").orElse("json"));
    if (node.get().isJsonPrimitive()) {
      return text ? SimResponse.text(200, "text/plain; charset=utf-8", node.get().getAsString())
          : ImdsErrors.instance(400, "Bad request. Format parameter json is not supported for leaf nodes; "
              + "use format=text.");
    }
    return text ? SimResponse.text(200, "text/plain; charset=utf-8", keys(node.get()))
        : SimResponse.json(200, node.get());
  }

  public SimResponse versions(MachineRef machine, SimRequest request) {
    if (!"true".equals(request.header("metadata").orElse(""))) {
      return ImdsErrors.instanceHeaderRequired();
    }
    return SimResponse.json(200, Json.object(java.util.Map.of("apiVersions", ImdsVersions.ALL)));
  }

  private static Optional<JsonElement> walk(JsonElement root, String path) {
    JsonElement current = root;
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (current.isJsonObject() && current.getAsJsonObject().has(segment)) {
        current = current.getAsJsonObject().get(segment);
      } else if (current.isJsonArray() && segment.matches("\\d+")
          && Integer.parseInt(segment) < current.getAsJsonArray().size()) {
        current = current.getAsJsonArray().get(Integer.parseInt(segment));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  private static String keys(JsonElement node) {
    if (node.isJsonObject()) {
      return String.join("\n", node.getAsJsonObject().keySet().stream()
          .map(k -> node.getAsJsonObject().get(k).isJsonPrimitive() ? k : k + "/").toList());
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < node.getAsJsonArray().size(); i++) {
      out.append(i).append("/\n");
    }
    return out.toString().trim();
  }
}
