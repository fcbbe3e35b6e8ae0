package io.podidentity.kubesim.token;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The TokenReview API: a token is authenticated when this simulator signed it, it has not expired, it names an
 * expected audience, and the service account (and the pod it is bound to) still exist with the same uid; the
 * user is the service account's, with the apiserver's groups and extra fields.
 */
public final class TokenReviews {
  private final ObjectStore store;
  private final SigningKey key;
  private final Supplier<List<String>> apiAudiences;
  private final Clock clock;

  TokenReviews(ObjectStore store, SigningKey key, Supplier<List<String>> apiAudiences, Clock clock) {
    this.store = store;
    this.key = key;
    this.apiAudiences = apiAudiences;
    this.clock = clock;
  }

  /** Answers a TokenReview request. */
  public JsonObject review(JsonObject request) {
    JsonObject spec = JsonTree.object(request, "spec") == null ? new JsonObject() : JsonTree.object(request, "spec");
    JsonObject status = reviewStatus(JsonTree.text(spec, "token"), spec.get("audiences"));
    JsonObject response = new JsonObject();
    response.addProperty("kind", "TokenReview");
    response.addProperty("apiVersion", "authentication.k8s.io/v1");
    response.add("metadata", new JsonObject());
    response.add("spec", spec);
    response.add("status", status);
    return response;
  }

  private JsonObject reviewStatus(String token, JsonElement wantedAudiences) {
    JsonObject claims = key.verify(token);
    Instant now = clock.instant();
    List<String> wanted = new ArrayList<>();
    if (wantedAudiences != null && wantedAudiences.isJsonArray()) {
      wantedAudiences.getAsJsonArray().forEach(a -> wanted.add(a.getAsString()));
    }
    if (wanted.isEmpty()) {
      wanted.addAll(apiAudiences.get());
    }
    List<String> matched = new ArrayList<>();
    if (claims != null && claims.has("aud")) {
      claims.getAsJsonArray("aud").forEach(a -> {
        if (wanted.contains(a.getAsString())) {
          matched.add(a.getAsString());
        }
      });
    }
    JsonObject status = new JsonObject();
    if (claims == null || matched.isEmpty() || claims.get("exp").getAsLong() < now.getEpochSecond()
        || !stillBound(claims)) {
      status.add("user", new JsonObject());
      status.addProperty("error", "[invalid bearer token, token lookup failed]");
      return status;
    }
    status.addProperty("authenticated", true);
    status.add("user", user(claims));
    JsonArray audiences = new JsonArray();
    matched.forEach(audiences::add);
    status.add("audiences", audiences);
    return status;
  }

  private boolean stillBound(JsonObject claims) {
    JsonObject k8s = claims.getAsJsonObject("kubernetes.io");
    String ns = JsonTree.text(k8s, "namespace");
    JsonObject sa = store.get("serviceaccounts", ns, JsonTree.text(k8s, "serviceaccount", "name"));
    if (sa == null || !Meta.uid(sa).equals(JsonTree.text(k8s, "serviceaccount", "uid"))) {
      return false;
    }
    if (!k8s.has("pod")) {
      return true;
    }
    JsonObject pod = store.get("pods", ns, JsonTree.text(k8s, "pod", "name"));
    return pod != null && Meta.uid(pod).equals(JsonTree.text(k8s, "pod", "uid")) && !Meta.isDeleting(pod);
  }

  private static JsonObject user(JsonObject claims) {
    JsonObject k8s = claims.getAsJsonObject("kubernetes.io");
    String ns = JsonTree.text(k8s, "namespace");
    JsonObject user = new JsonObject();
    user.addProperty("username", claims.get("sub").getAsString());
    user.addProperty("uid", JsonTree.text(k8s, "serviceaccount", "uid"));
    JsonArray groups = new JsonArray();
    groups.add("system:serviceaccounts");
    groups.add("system:serviceaccounts:" + ns);
    groups.add("system:authenticated");
    user.add("groups", groups);
    JsonObject extra = new JsonObject();
    extra.add("authentication.kubernetes.io/credential-id", JsonTree.strings("JTI=" + claims.get("jti").getAsString()));
    if (k8s.has("node")) {
      extra.add("authentication.kubernetes.io/node-name", JsonTree.strings(JsonTree.text(k8s, "node", "name")));
      extra.add("authentication.kubernetes.io/node-uid", JsonTree.strings(JsonTree.text(k8s, "node", "uid")));
    }
    if (k8s.has("pod")) {
      extra.add("authentication.kubernetes.io/pod-name", JsonTree.strings(JsonTree.text(k8s, "pod", "name")));
      extra.add("authentication.kubernetes.io/pod-uid", JsonTree.strings(JsonTree.text(k8s, "pod", "uid")));
    }
    user.add("extra", extra);
    return user;
  }

}
