package io.podidentity.kubesim.token;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ApiResources;
import io.podidentity.kubesim.registry.Registry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The TokenRequest API ({@code serviceaccounts/token}) and TokenReview: bound service-account JWTs with the
 * apiserver's claims (iss, sub, aud, iat, nbf, exp, jti and the {@code kubernetes.io} claim naming the namespace,
 * service account, and bound pod and node), signed by {@link SigningKey}.
 */
public final class ServiceAccountTokens {
  private static final long MIN_EXPIRATION = 600;
  private static final long MAX_EXPIRATION = 1L << 32;

  private final Registry registry;
  private final ApiResources resources;
  private final SigningKey key;
  private final java.util.function.Supplier<String> issuer;
  private final java.util.function.Supplier<List<String>> apiAudiences;
  private final Clock clock;

  /**
   * Creates the token API; issuer and API audiences are read when needed, because by default they name the
   * server's own URL, known only once it listens.
   */
  public ServiceAccountTokens(Registry registry, SigningKey key, java.util.function.Supplier<String> issuer,
      java.util.function.Supplier<List<String>> apiAudiences, Clock clock) {
    this.registry = registry;
    this.resources = registry.context().resources();
    this.key = key;
    this.issuer = issuer;
    this.apiAudiences = apiAudiences;
    this.clock = clock;
  }

  public String issuer() {
    return issuer.get();
  }

  /** Answers a TokenRequest for a service account; the response is the request completed with a status. */
  public JsonObject request(String namespace, String serviceAccount, JsonObject request) {
    JsonObject sa = registry.get(resource("", "serviceaccounts"), namespace, serviceAccount);
    JsonObject spec = JsonTree.object(request, "spec") == null ? new JsonObject() : JsonTree.object(request, "spec").deepCopy();
    long expiration = spec.has("expirationSeconds") ? spec.get("expirationSeconds").getAsLong() : 3600;
    spec.addProperty("expirationSeconds", expiration);
    validate(serviceAccount, expiration);
    if (!spec.has("audiences") || spec.getAsJsonArray("audiences").isEmpty()) {
      JsonArray audiences = new JsonArray();
      apiAudiences.get().forEach(audiences::add);
      spec.add("audiences", audiences);
    }
    JsonObject bound = JsonTree.object(spec, "boundObjectRef");
    JsonObject pod = bound == null ? null : boundPod(namespace, serviceAccount, bound);
    Instant now = clock.instant();
    Instant expires = now.plusSeconds(expiration);
    String token = key.sign(claims(sa, pod, spec.getAsJsonArray("audiences"), now, expires));
    JsonObject response = new JsonObject();
    response.addProperty("kind", "TokenRequest");
    response.addProperty("apiVersion", "authentication.k8s.io/v1");
    JsonObject meta = new JsonObject();
    meta.addProperty("name", serviceAccount);
    meta.addProperty("namespace", namespace);
    meta.addProperty("creationTimestamp", Timestamps.seconds(now));
    response.add("metadata", meta);
    response.add("spec", spec);
    JsonObject status = new JsonObject();
    status.addProperty("token", token);
    status.addProperty("expirationTimestamp", Timestamps.seconds(expires));
    response.add("status", status);
    return response;
  }

  private static void validate(String name, long expiration) {
    if (expiration < MIN_EXPIRATION) {
      throw ApiException.invalid("authentication.k8s.io", "TokenRequest", name, List.of(FieldError.invalid(
          "spec.expirationSeconds", new JsonPrimitive(expiration), "may not specify a duration less than 10 minutes")));
    }
    if (expiration > MAX_EXPIRATION) {
      throw ApiException.invalid("authentication.k8s.io", "TokenRequest", name, List.of(FieldError.invalid(
          "spec.expirationSeconds", new JsonPrimitive(expiration), "may not specify a duration larger than 2^32 seconds")));
    }
  }

  private JsonObject boundPod(String namespace, String serviceAccount, JsonObject ref) {
    String kind = JsonTree.text(ref, "kind");
    String apiVersion = JsonTree.text(ref, "apiVersion");
    if (!kind.equals("Pod") || !(apiVersion.isEmpty() || apiVersion.equals("v1"))) {
      throw ApiException.badRequest("cannot bind token to object of type " + (apiVersion.isEmpty() ? "" : apiVersion)
          + ", Kind=" + kind);
    }
    String name = JsonTree.text(ref, "name");
    JsonObject pod = registry.get(resource("", "pods"), namespace, name);
    if (!serviceAccount.equals(JsonTree.text(pod, "spec", "serviceAccountName"))) {
      throw ApiException.badRequest("cannot bind token for serviceaccount \"" + serviceAccount
          + "\" to pod running with different serviceaccount name.");
    }
    String uid = JsonTree.text(ref, "uid");
    if (!uid.isEmpty() && !uid.equals(Meta.uid(pod))) {
      throw ApiException.conflict("", "Pod", name, "the UID in the bound object reference (" + uid
          + ") does not match the UID in record (" + Meta.uid(pod) + "). The object might have been deleted and then recreated");
    }
    return pod;
  }

  private JsonObject claims(JsonObject sa, JsonObject pod, JsonArray audiences, Instant now, Instant expires) {
    JsonObject k8s = new JsonObject();
    k8s.addProperty("namespace", Meta.namespace(sa));
    if (pod != null) {
      String nodeName = JsonTree.text(pod, "spec", "nodeName");
      JsonObject node = nodeName.isEmpty() ? null : registry.context().store().get("nodes", "", nodeName);
      if (node != null) {
        k8s.add("node", ref(Meta.name(node), Meta.uid(node)));
      }
      k8s.add("pod", ref(Meta.name(pod), Meta.uid(pod)));
    }
    k8s.add("serviceaccount", ref(Meta.name(sa), Meta.uid(sa)));
    JsonObject claims = new JsonObject();
    claims.add("aud", audiences);
    claims.addProperty("exp", expires.getEpochSecond());
    claims.addProperty("iat", now.getEpochSecond());
    claims.addProperty("iss", issuer.get());
    claims.addProperty("jti", UUID.randomUUID().toString());
    claims.add("kubernetes.io", k8s);
    claims.addProperty("nbf", now.getEpochSecond());
    claims.addProperty("sub", "system:serviceaccount:" + Meta.namespace(sa) + ":" + Meta.name(sa));
    return claims;
  }

  /** The TokenReview API over the same key, issuer and audiences. */
  public TokenReviews reviews() {
    return new TokenReviews(registry.context().store(), key, apiAudiences, clock);
  }

  /** The OIDC discovery document at /.well-known/openid-configuration. */
  public JsonObject openIdConfiguration(String jwksUri) {
    JsonObject doc = new JsonObject();
    doc.addProperty("issuer", issuer.get());
    doc.addProperty("jwks_uri", jwksUri);
    doc.add("response_types_supported", JsonTree.strings("id_token"));
    doc.add("subject_types_supported", JsonTree.strings("public"));
    doc.add("id_token_signing_alg_values_supported", JsonTree.strings("RS256"));
    return doc;
  }

  public JsonObject jwks() {
    return key.jwks();
  }

  private ApiResource resource(String group, String plural) {
    return resources.find(group, "v1", plural);
  }

  private static JsonObject ref(String name, String uid) {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("uid", uid);
    return o;
  }

}
