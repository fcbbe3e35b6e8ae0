package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample object read into the wire classes and written back through client-java's {@code JSON} gives the same
 * JSON tree. Two differences are client-java 25's and carry no meaning, so both sides are normalised for them:
 * {@code V1ObjectMeta} always writes empty {@code labels}, {@code annotations}, {@code finalizers} and {@code
 * ownerReferences}, and it writes timestamps with microseconds.
 */
class WireRoundTripTest {
  private static final Set<String> TIMESTAMPS = Set.of("creationTimestamp", "deletionTimestamp");

  static Stream<K8sManifests.Document> ourObjects() {
    return K8sManifests.ourObjects().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourObjects")
  void sampleRoundTripsUnchanged(K8sManifests.Document document) {
    Class<?> type = CrdKind.of(document.kind()).orElseThrow().objectClass();

    Object object = JSON.deserialize(document.json().toString(), type);
    JsonElement written = JsonParser.parseString(JSON.serialize(object));

    assertThat(object).isInstanceOf(type);
    assertThat(normalised(written, false)).isEqualTo(normalised(document.json(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourObjects")
  void readingTwiceGivesEqualObjects(K8sManifests.Document document) {
    Class<?> type = CrdKind.of(document.kind()).orElseThrow().objectClass();

    Object first = JSON.deserialize(document.json().toString(), type);
    Object second = JSON.deserialize(JSON.serialize(first), type);

    assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
  }

  @Test
  void listsRoundTripWithTheirItems() {
    String json = """
        {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentityBindingList",
         "metadata": {"resourceVersion": "812", "continue": "abc"},
         "items": [{"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentityBinding",
                    "metadata": {"name": "b1", "namespace": "ns"},
                    "spec": {"azureIdentity": "id1", "selector": "web"}}]}
        """;

    V1AzureIdentityBindingList list = JSON.deserialize(json, V1AzureIdentityBindingList.class);

    assertThat(list.getItems()).hasSize(1);
    assertThat(list.getItems().getFirst().getSpec().getSelector()).isEqualTo("web");
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("812");
    assertThat(normalised(JsonParser.parseString(JSON.serialize(list)), false))
        .isEqualTo(normalised(JsonParser.parseString(json), false));
  }

  @Test
  void newObjectsCarryTheirApiVersionAndKind() {
    for (CrdKind kind : CrdKind.values()) {
      JsonObject object = JsonParser.parseString(JSON.serialize(newInstance(kind.objectClass()))).getAsJsonObject();
      JsonObject list = JsonParser.parseString(JSON.serialize(newInstance(kind.listClass()))).getAsJsonObject();

      assertThat(object.get("apiVersion").getAsString()).isEqualTo("aadpodidentity.k8s.io/v1");
      assertThat(object.get("kind").getAsString()).isEqualTo(kind.kind());
      assertThat(list.get("kind").getAsString()).isEqualTo(kind.listKind());
    }
  }

  private static Object newInstance(Class<?> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // Inside a metadata object, drops empty collections and compares timestamps as instants.
  private static JsonElement normalised(JsonElement element, boolean inMetadata) {
    if (element instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> out.add(normalised(item, false)));
      return out;
    }
    if (!(element instanceof JsonObject object)) {
      return element;
    }
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      JsonElement value = normalised(entry.getValue(), entry.getKey().equals("metadata"));
      if (inMetadata && isEmptyCollection(value)) {
        continue;
      }
      if (inMetadata && TIMESTAMPS.contains(entry.getKey()) && value.isJsonPrimitive()) {
        value = new com.google.gson.JsonPrimitive(Instant.parse(value.getAsString()).toString());
      }
      out.add(entry.getKey(), value);
    }
    return out;
  }

  private static boolean isEmptyCollection(JsonElement value) {
    return (value instanceof JsonObject o && o.isEmpty()) || (value instanceof JsonArray a && a.isEmpty());
  }
}
