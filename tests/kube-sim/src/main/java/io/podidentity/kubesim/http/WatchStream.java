package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ListOptions;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.store.EventLog;
import io.podidentity.kubesim.store.ObjectStore;
import io.podidentity.kubesim.store.StoredEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One watch: chunked JSON lines, one flushed per event, read from the event log in resourceVersion order. The
 * start follows the resourceVersion semantics (unset or "0": the current state as ADDED events first; N: the
 * retained events after N, or ERROR 410 when they are gone); selectors see an object leaving them as DELETED and
 * entering them as ADDED, as the watch cache reports it; bookmarks are sent on schedule when asked for.
 */
final class WatchStream {
  /** The watch-specific query parameters. */
  record Params(Duration timeout, boolean bookmarks, Duration bookmarkInterval) {}

  private final Registry registry;
  private final ObjectStore store;
  private final Renderer renderer;

  WatchStream(Registry registry, ObjectStore store, Renderer renderer) {
    this.registry = registry;
    this.store = store;
    this.renderer = renderer;
  }

  void serve(HttpExchange ex, ApiResource r, String namespace, ListOptions options, Params params,
      Renderer.Representation rep) throws IOException {
    r.strategy().fields().check(options.fieldSelector());
    Responder.headers(ex, "application/json", List.of());
    ex.getResponseHeaders().set("Transfer-Encoding", "chunked");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.flush(); // the status line now: clients wait for it before they treat the watch as started
      EventWriter writer = new EventWriter(out, r, rep, renderer);
      long cursor;
      try {
        cursor = start(r, namespace, options, params, writer);
      } catch (ApiException e) {
        writer.error(e.status());
        return;
      }
      stream(r, namespace, options, params, writer, cursor);
    } catch (IOException e) {
      // the client went away; nothing to tell it
    }
  }

  private long start(ApiResource r, String namespace, ListOptions options, Params params, EventWriter writer)
      throws IOException {
    String rv = options.resourceVersion();
    boolean initial = options.sendInitialEvents() != null
        ? options.sendInitialEvents()
        : rv.isEmpty() || rv.equals("0");
    if (initial || rv.isEmpty()) {
      ObjectStore.Snapshot snapshot = store.list(r.bucket(), namespace);
      for (JsonObject o : initial ? snapshot.items() : List.<JsonObject>of()) {
        if (registry.matches(r, o, options)) {
          writer.event("ADDED", r.view().fromStorage(o));
        }
      }
      if (Boolean.TRUE.equals(options.sendInitialEvents()) && params.bookmarks()) {
        writer.bookmark(snapshot.resourceVersion(), true);
      }
      return snapshot.resourceVersion();
    }
    long wanted = options.resourceVersionNumber();
    long evicted = store.log().evictedUpTo(r.bucket());
    if (wanted < evicted) {
      throw ApiException.expired("too old resource version: " + wanted + " (" + evicted + ")");
    }
    if (wanted > store.revision()) {
      registry.awaitRevision(wanted);
    }
    return wanted;
  }

  private void stream(ApiResource r, String namespace, ListOptions options, Params params, EventWriter writer,
      long start) throws IOException {
    long deadline = System.nanoTime() + params.timeout().toNanos();
    long interval = params.bookmarkInterval().toNanos();
    long nextBookmark = System.nanoTime() + interval;
    long cursor = start;
    try {
      while (true) {
        long now = System.nanoTime();
        if (now >= deadline) {
          return;
        }
        long wait = Math.min(deadline, params.bookmarks() ? nextBookmark : deadline) - now;
        EventLog.Batch batch = store.log().next(cursor, Math.max(wait, 1));
        for (StoredEvent e : batch.events()) {
          if (e.bucket().equals(r.bucket())) {
            deliver(r, namespace, options, e, writer);
          }
        }
        if (store.log().evictedUpTo(r.bucket()) > cursor || batch.closed()) {
          return;
        }
        cursor = batch.cursor();
        if (params.bookmarks() && System.nanoTime() >= nextBookmark) {
          writer.bookmark(cursor, false);
          nextBookmark = System.nanoTime() + interval;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(ApiResource r, String namespace, ListOptions options, StoredEvent e, EventWriter writer)
      throws IOException {
    JsonObject object = e.object();
    if (namespace != null && !namespace.equals(Meta.namespace(object))) {
      return;
    }
    boolean now = e.type() != StoredEvent.Type.DELETED && registry.matches(r, object, options);
    boolean before = e.previous() != null && registry.matches(r, e.previous(), options);
    if (e.type() == StoredEvent.Type.DELETED) {
      if (before) {
        writer.event("DELETED", r.view().fromStorage(object), e);
      }
    } else if (now && before) {
      writer.event("MODIFIED", r.view().fromStorage(object), e);
    } else if (now) {
      writer.event("ADDED", r.view().fromStorage(object), e);
    } else if (before) {
      JsonObject last = e.previous().deepCopy();
      Meta.set(last, "resourceVersion", Long.toString(e.resourceVersion()));
      writer.event("DELETED", r.view().fromStorage(last));
    }
  }

  /** Serializes events, reusing the event's shared JSON when the client gets the stored object unchanged. */
  private static final class EventWriter {
    private final OutputStream out;
    private final ApiResource resource;
    private final Renderer.Representation rep;
    private final Renderer renderer;
    private boolean headersSent;

    EventWriter(OutputStream out, ApiResource resource, Renderer.Representation rep, Renderer renderer) {
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

  /** The apiserver's timeout for watches that name none: the minimum request timeout (30 min) times [1, 2). */
  static Duration defaultTimeout() {
    return Duration.ofSeconds(1800 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1800));
  }
}
