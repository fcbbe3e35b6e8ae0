package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ListOptions;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.store.EventLog;
import io.podidentity.kubesim.store.ObjectStore;
import io.podidentity.kubesim.store.StoredEvent;
import java.io.IOException;
import java.io.OutputStream;
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
      WatchEventWriter writer = new WatchEventWriter(out, r, rep, renderer);
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

  private long start(ApiResource r, String namespace, ListOptions options, Params params, WatchEventWriter writer)
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

  private void stream(ApiResource r, String namespace, ListOptions options, Params params, WatchEventWriter writer,
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
        if (store.log().evictedUpTo(r.bucket()) > cursor || batch.closed()) {
          // this watcher fell behind the retained window (or the server stops): end the stream rather than skip
          // events; the client re-watches from its last resourceVersion and learns whether it is too old
          return;
        }
        for (StoredEvent e : batch.events()) {
          if (e.bucket().equals(r.bucket())) {
            deliver(r, namespace, options, e, writer);
          }
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

  private void deliver(ApiResource r, String namespace, ListOptions options, StoredEvent e, WatchEventWriter writer)
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

  /** The apiserver's timeout for watches that name none: the minimum request timeout (30 min) times [1, 2). */
  static Duration defaultTimeout() {
    return Duration.ofSeconds(1800 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1800));
  }
}
