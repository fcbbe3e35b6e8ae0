package io.podidentity.kubesim.registry;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.ApiException.Cause;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.store.ObjectStore.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GET and LIST: selectors, resourceVersion semantics (any, not older than, exact), and {@code limit}/{@code continue}
 * pagination whose later pages are served from the snapshot of the first (the apiserver reads them from etcd
 * at the first page's revision).
 */
final class Reading {
  private static final String EXPIRED_CONTINUE = "The provided continue parameter is too old to display a consistent "
      + "list result. You can start a new list without the continue parameter, or use the continue token in this "
      + "response to retrieve the remainder of the results. Continuing with the provided token results in an "
      + "inconsistent list - objects that were created, modified, or deleted between the time the first chunk was "
      + "returned and now may show up in the list.";

  private final RegistryContext ctx;

  Reading(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** A page of a list. */
  record Page(List<JsonObject> items, long resourceVersion, String continueToken, Long remainingItemCount) {}

  JsonObject get(ApiResource r, String namespace, String name) {
    JsonObject stored = ctx.store().get(r.bucket(), namespace, name);
    if (stored == null) {
      throw ApiException.notFound(r.type(), name);
    }
    return r.view().fromStorage(stored);
  }

  Page list(ApiResource r, String namespace, ListOptions options) {
    r.strategy().fields().check(options.fieldSelector());
    Snapshot snapshot;
    String start = "";
    if (!options.continueToken().isEmpty()) {
      ContinueToken token = ContinueToken.decode(options.continueToken());
      snapshot = ctx.store().listAt(r.bucket(), namespace, token.resourceVersion());
      if (snapshot == null) {
        throw ApiException.expired(EXPIRED_CONTINUE);
      }
      start = token.start();
    } else {
      snapshot = snapshot(r, namespace, options);
    }
    List<JsonObject> matching = new ArrayList<>();
    for (JsonObject o : snapshot.items()) {
      if (key(o).compareTo(start) >= 0 && matches(r, o, options)) {
        matching.add(o);
      }
    }
    return page(r, matching, snapshot.resourceVersion(), options);
  }

  boolean matches(ApiResource r, JsonObject stored, ListOptions options) {
    return options.labelSelector().matches(Meta.labels(stored))
        && r.strategy().fields().matches(options.fieldSelector(), stored);
  }

  private Snapshot snapshot(ApiResource r, String namespace, ListOptions options) {
    String rv = options.resourceVersion();
    if (rv.isEmpty() || rv.equals("0")) {
      return ctx.store().list(r.bucket(), namespace);
    }
    long wanted = options.resourceVersionNumber();
    if (options.resourceVersionMatch().equals("Exact")) {
      Snapshot past = ctx.store().listAt(r.bucket(), namespace, wanted);
      if (past == null || wanted > ctx.store().revision()) {
        throw ApiException.expired("too old resource version: " + wanted + " ("
            + ctx.store().log().evictedUpTo(r.bucket()) + ")");
      }
      return past;
    }
    awaitRevision(wanted);
    return ctx.store().list(r.bucket(), namespace);
  }

  /** Waits up to three seconds for the store to reach a resourceVersion a client asks for, as the watch cache does. */
  void awaitRevision(long wanted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    try {
      while (ctx.store().revision() < wanted && System.nanoTime() < deadline) {
        ctx.store().log().awaitChange(ctx.store().revision(), deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long current = ctx.store().revision();
    if (current < wanted) {
      throw ApiException.timeout("Too large resource version: " + wanted + ", current: " + current, 1,
          List.of(new Cause("ResourceVersionTooLarge", "Too large resource version", null)));
    }
  }

  private Page page(ApiResource r, List<JsonObject> matching, long rv, ListOptions options) {
    int limit = options.limit() > 0 && options.limit() < matching.size() ? (int) options.limit() : matching.size();
    List<JsonObject> items = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      items.add(r.view().fromStorage(matching.get(i)));
    }
    if (limit == matching.size()) {
      return new Page(items, rv, "", null);
    }
    String token = new ContinueToken(rv, key(matching.get(limit - 1)) + "\u0000").encode();
    Long remaining = options.hasSelectors() ? null : (long) (matching.size() - limit);
    return new Page(items, rv, token, remaining);
  }

  private static String key(JsonObject o) {
    String ns = Meta.namespace(o);
    return ns.isEmpty() ? Meta.name(o) : ns + "/" + Meta.name(o);
  }

  /** The apiserver's continue token: base64 of {"v":"meta.k8s.io/v1","rv":N,"start":"key"}. */
  record ContinueToken(long resourceVersion, String start) {
    String encode() {
      JsonObject o = new JsonObject();
      o.addProperty("v", "meta.k8s.io/v1");
      o.addProperty("rv", resourceVersion);
      o.addProperty("start", start);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JsonTree.write(o).getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken decode(String token) {
      try {
        String json = new String(Base64.getUrlDecoder().decode(token.replace('+', '-').replace('/', '_')),
            StandardCharsets.UTF_8);
        JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        if (!"meta.k8s.io/v1".equals(JsonTree.string(o, "v"))) {
          throw new IllegalArgumentException("unsupported continue version");
        }
        return new ContinueToken(o.get("rv").getAsLong(), JsonTree.text(o, "start"));
      } catch (RuntimeException e) {
        throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
      }
    }
  }
}
