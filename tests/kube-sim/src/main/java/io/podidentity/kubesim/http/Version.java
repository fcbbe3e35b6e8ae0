package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;

/** The {@code /version} document: the simulator speaks the Kubernetes 1.32 API. */
final class Version {
  private Version() {}

  static JsonObject json() {
    JsonObject v = new JsonObject();
    v.addProperty("major", "1");
    v.addProperty("minor", "32");
    v.addProperty("gitVersion", "v1.32.0");
    v.addProperty("gitCommit", "0000000000000000000000000000000000000000");
    v.addProperty("gitTreeState", "clean");
    v.addProperty("buildDate", "2024-12-11T00:00:00Z");
    v.addProperty("goVersion", "go1.23.3");
    v.addProperty("compiler", "gc");
    v.addProperty("platform", "linux/amd64");
    return v;
  }
}
