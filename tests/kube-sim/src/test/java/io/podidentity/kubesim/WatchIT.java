package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Watches: resumption, 410 Gone, bookmarks, timeouts, initial state and selector transitions. */
class WatchIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

  private KubeSimulator sim;
  private SimHttp http;

  private void start(KubeSimulator.Builder builder) {
    sim = builder.start();
    http = new SimHttp(sim);
    Fixtures.awaitSettled(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void resumingFromAResourceVersionReplaysLaterChangesInOrder() {
    start(KubeSimulator.builder());
    String from = rv(http.post(PODS, Fixtures.pod("a", "x")).json());
    String bCreated = rv(http.post(PODS, Fixtures.pod("b", "x")).json());
    String aChanged = rv(http.patch(PODS + "/a", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"y\"}}}").json());
    http.delete(PODS + "/b");
    try (SimHttp.WatchLines w = http.watch(PODS + "?watch=true&timeoutSeconds=2&resourceVersion=" + from)) {
      assertThat(w.code).isEqualTo(200);
      List<String> events = new ArrayList<>();
      for (JsonObject e = w.next(); e != null; e = w.next()) {
        events.add(e.get("type").getAsString() + " " + name(e) + " " + rv(e.getAsJsonObject("object")));
      }
      assertThat(events).containsExactly("ADDED b " + bCreated, "MODIFIED a " + aChanged,
          "DELETED b " + (Long.parseLong(aChanged) + 1));
    }
  }

  @Test
  void watchFromBeforeTheRetainedWindowIsGoneWithAnExpiredStatus() {
    start(KubeSimulator.builder().watchWindow(5));
    String first = rv(http.post(CONFIGMAPS, configMap("cm0")).json());
    for (int i = 1; i < 10; i++) {
      http.post(CONFIGMAPS, configMap("cm" + i));
    }
    try (SimHttp.WatchLines w = http.watch(CONFIGMAPS + "?watch=1&timeoutSeconds=5&resourceVersion=" + first)) {
      JsonObject event = w.next();
      assertThat(event.get("type").getAsString()).isEqualTo("ERROR");
      JsonObject status = event.getAsJsonObject("object");
      assertThat(status.get("kind").getAsString()).isEqualTo("Status");
      assertThat(status.get("code").getAsInt()).isEqualTo(410);
      assertThat(status.get("reason").getAsString()).isEqualTo("Expired");
      assertThat(status.get("message").getAsString()).matches("too old resource version: " + first + " \\(\\d+\\)");
      assertThat(w.next()).isNull();
    }
    String recent = String.valueOf(sim.resourceVersion() - 1);
    try (SimHttp.WatchLines w = http.watch(CONFIGMAPS + "?watch=1&timeoutSeconds=1&resourceVersion=" + recent)) {
      JsonObject event = w.next();
      assertThat(event.get("type").getAsString()).isEqualTo("ADDED");
      assertThat(name(event)).isEqualTo("cm9");
    }
  }

  @Test
  void bookmarksArriveOnScheduleWhenAllowed() {
    start(KubeSimulator.builder().bookmarkInterval(Duration.ofMillis(200)));
    String current = String.valueOf(sim.resourceVersion());
    try (SimHttp.WatchLines w = http.watch(PODS + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=3&resourceVersion=" + current)) {
      JsonObject event = w.next();
      assertThat(event.get("type").getAsString()).isEqualTo("BOOKMARK");
      JsonObject object = event.getAsJsonObject("object");
      assertThat(object.get("kind").getAsString()).isEqualTo("Pod");
      assertThat(object.get("apiVersion").getAsString()).isEqualTo("v1");
      assertThat(rv(object)).isEqualTo(current);
    }
    try (SimHttp.WatchLines w = http.watch(PODS + "?watch=1&timeoutSeconds=1&resourceVersion=" + current)) {
      assertThat(w.next()).as("no bookmarks unless asked for").isNull();
    }
  }

  @Test
  void timeoutSecondsEndsAQuietWatch() {
    start(KubeSimulator.builder());
    Instant started = Instant.now();
    try (SimHttp.WatchLines w = http.watch(PODS + "?watch=1&timeoutSeconds=1&resourceVersion=" + sim.resourceVersion())) {
      assertThat(w.next()).isNull();
    }
    assertThat(Duration.between(started, Instant.now())).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
  }

  @Test
  void watchWithoutResourceVersionStartsWithTheCurrentState() {
    start(KubeSimulator.builder().bookmarkInterval(Duration.ofHours(1)));
    http.post(PODS, Fixtures.pod("existing", "x"));
    try (SimHttp.WatchLines w = http.watch(PODS + "?watch=1&timeoutSeconds=2&sendInitialEvents=true"
        + "&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan")) {
      assertThat(w.next().get("type").getAsString()).isEqualTo("ADDED");
      JsonObject bookmark = w.next();
      assertThat(bookmark.get("type").getAsString()).isEqualTo("BOOKMARK");
      assertThat(bookmark.getAsJsonObject("object").getAsJsonObject("metadata").getAsJsonObject("annotations")
          .get("k8s.io/initial-events-end").getAsString()).isEqualTo("true");
    }
  }

  @Test
  void objectsMovingAcrossTheSelectorAreAddedAndDeleted() {
    start(KubeSimulator.builder());
    String from = String.valueOf(sim.resourceVersion());
    http.post(PODS, Fixtures.pod("mover", "api"));
    for (String app : List.of("web", "db", "web")) {
      http.patch(PODS + "/mover", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"" + app + "\"}}}");
    }
    http.patch(PODS + "/mover", "application/merge-patch+json", "{\"metadata\":{\"annotations\":{\"n\":\"1\"}}}");
    http.delete(PODS + "/mover");
    try (SimHttp.WatchLines w = http.watch(PODS + "?watch=1&timeoutSeconds=2&labelSelector=app%3Dweb&resourceVersion=" + from)) {
      List<String> events = new ArrayList<>();
      for (JsonObject e = w.next(); e != null; e = w.next()) {
        events.add(e.get("type").getAsString() + " app=" + e.getAsJsonObject("object").getAsJsonObject("metadata")
            .getAsJsonObject("labels").get("app").getAsString());
      }
      assertThat(events).containsExactly("ADDED app=web", "DELETED app=web", "ADDED app=web", "MODIFIED app=web",
          "DELETED app=web");
    }
  }

  private static String configMap(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"k\":\"v\"}}";
  }

  private static String rv(JsonObject object) {
    return object.getAsJsonObject("metadata").get("resourceVersion").getAsString();
  }

  private static String name(JsonObject event) {
    return event.getAsJsonObject("object").getAsJsonObject("metadata").get("name").getAsString();
  }
}
