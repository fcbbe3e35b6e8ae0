package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1SecretReference;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire classes and the CRD schemas name the same fields at the same paths, so a field added to, renamed in or
 * removed from one side only fails here. Metadata objects are leaves on both sides: the schemas leave them open.
 */
class WireSchemaFieldsTest {

  static Stream<CrdKind> kinds() {
    return Stream.of(CrdKind.values());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void wireClassAndSchemaNameTheSameFields(CrdKind kind) {
    JsonObject schema = CrdSchemas.openApiSchemas().get(kind.kind());

    TreeSet<String> schemaPaths = new TreeSet<>();
    schemaPaths(schema, "", schemaPaths);
    TreeSet<String> classPaths = new TreeSet<>();
    classPaths(kind.objectClass(), "", classPaths);

    assertThat(classPaths).isEqualTo(schemaPaths);
    assertThat(classPaths).contains("spec.metadata", "status.metadata");
  }

  private static void schemaPaths(JsonObject node, String prefix, TreeSet<String> paths) {
    if (!node.has("properties")) {
      return;
    }
    for (Map.Entry<String, com.google.gson.JsonElement> property : node.getAsJsonObject("properties").entrySet()) {
      String path = prefix + property.getKey();
      paths.add(path);
      schemaPaths(property.getValue().getAsJsonObject(), path + ".", paths);
    }
  }

  private static void classPaths(Class<?> type, String prefix, TreeSet<String> paths) {
    for (WireFields.Field field : WireFields.of(type).fields().values()) {
      String path = prefix + field.wireName();
      paths.add(path);
      Class<?> nested = field.nestedClass();
      if (nested != null && !field.isList() && descends(nested)) {
        classPaths(nested, path + ".", paths);
      }
    }
  }

  // Our own classes and the secret reference have declared properties; V1ObjectMeta is an open object in the schema.
  private static boolean descends(Class<?> type) {
    return type.getPackageName().equals(CrdKind.class.getPackageName()) || type == V1SecretReference.class;
  }
}
