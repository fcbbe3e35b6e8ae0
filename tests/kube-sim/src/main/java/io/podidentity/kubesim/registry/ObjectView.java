package io.podidentity.kubesim.registry;

import com.google.gson.JsonObject;

/**
 * How one served version presents the objects of its bucket. Most resources store what they serve; a CRD's other
 * versions only differ in apiVersion (conversion None), and events.k8s.io/v1 is a different shape of the core
 * Events. Conversions never change their input.
 */
public interface ObjectView {
  JsonObject fromStorage(JsonObject stored);

  JsonObject toStorage(JsonObject served);

  /** The identity view, or the apiVersion rewrite between a served and a stored version. */
  static ObjectView apiVersion(String served, String stored) {
    return new ObjectView() {
      @Override
      public JsonObject fromStorage(JsonObject obj) {
        return rewrite(obj, served);
      }

      @Override
      public JsonObject toStorage(JsonObject obj) {
        return rewrite(obj, stored);
      }
    };
  }

  private static JsonObject rewrite(JsonObject obj, String apiVersion) {
    if (obj == null || !obj.has("apiVersion") || apiVersion.equals(obj.get("apiVersion").getAsString())) {
      return obj;
    }
    JsonObject copy = new JsonObject();
    obj.entrySet().forEach(e -> copy.add(e.getKey(), e.getValue()));
    copy.addProperty("apiVersion", apiVersion);
    return copy;
  }
}
