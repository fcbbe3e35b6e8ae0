package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.store.StoredEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one watch's events as JSON lines, each flushed at once, reusing an event's shared JSON when the client
 * gets the stored object unchanged; Table watches carry column definitions in the first event only.
 */
final class WatchEventWriter {
  private final OutputStream out;
  private final ApiResource resource;
  private final Renderer.Representation rep;
  private final Renderer renderer;
  private boolean headersSent;

  WatchEventWriter(OutputStream out, ApiResource resource, Renderer.Representation rep, Renderer renderer) {
    this.out = out;
    this.resource = resource;
    this.rep = rep;
    this.renderer = renderer;
  }

  void event(String type, JsonObject object) throws IOException {
    write(type, JsonTree.write(render(object)));
  }

  void event(String type, JsonObject object, StoredEvent source) throws IOException {
    boolean shared = rep == Renderer.Representation.PLAIN && object == source.object();
    write(type, shared ? source.objectJson() : JsonTree.write(render(object)));
  }

  void bookmark(long resourceVersion, boolean initialEventsEnd) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("kind", resource.type().kind());
    o.addProperty("apiVersion", resource.type().apiVersion());
    JsonObject meta = new JsonObject();
    meta.addProperty("resourceVersion", Long.toString(resourceVersion));
    if (initialEventsEnd) {
      JsonObject annotations = new JsonObject();
      annotations.addProperty("k8s.io/initial-events-end", "true");
      meta.add("annotations", annotations);
    }
    o.add("metadata", meta);
    write("BOOKMARK", JsonTree.write(rep.table() ? renderer.converter(resource, rep).table(List.of(), meta, false,
        renderer.now()) : o));
  }

  void error(JsonObject status) throws IOException {
    write("ERROR", JsonTree.write(status));
  }

  private JsonObject render(JsonObject object) {
    if (rep.table()) {
      JsonObject table = renderer.converter(resource, rep).table(List.of(object),
          Renderer.listMeta(Meta.resourceVersion(object), "", null), !headersSent, renderer.now());
      headersSent = true;
      return table;
    }
    return rep.partial() ? Renderer.partial(object, rep.version()) : object;
  }

  private void write(String type, String objectJson) throws IOException {
    String line = "{\"type\":\"" + type + "\",\"object\":" + objectJson + "}\n";
    out.write(line.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
