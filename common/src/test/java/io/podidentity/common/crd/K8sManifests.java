package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every YAML document under the repository's {@code k8s/} directory, as JSON trees, for the manifest tests. */
final class K8sManifests {

  /** One YAML document of a file. */
  record Document(Path file, int index, JsonObject json) {
    String apiVersion() {
      return json.has("apiVersion") ? json.get("apiVersion").getAsString() : "";
    }

    String kind() {
      return json.has("kind") ? json.get("kind").getAsString() : "";
    }

    /** Whether this is an object of one of our four kinds. */
    boolean isOurs() {
      return apiVersion().startsWith(CrdNames.GROUP + "/");
    }

    boolean isOurCrd() {
      return kind().equals("CustomResourceDefinition")
          && json.getAsJsonObject("spec").get("group").getAsString().equals(CrdNames.GROUP);
    }

    @Override
    public String toString() {
      return root().relativize(file) + "#" + index + " " + kind();
    }
  }

  private K8sManifests() {}

  static Path root() {
    Path root = Path.of(System.getProperty("user.dir")).resolveSibling("k8s");
    assertThat(root).as("the k8s/ directory beside this module").isDirectory();
    return root;
  }

  static List<Document> all() {
    List<Document> documents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root())) {
      for (Path file : files.filter(K8sManifests::isYaml).sorted().toList()) {
        documents.addAll(load(file));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return documents;
  }

  static List<Document> ourObjects() {
    List<Document> ours = all().stream().filter(Document::isOurs).toList();
    assertThat(ours).as("sample objects of our kinds under k8s/").isNotEmpty();
    return ours;
  }

  /** The four CRDs as defined in {@code k8s/crds}, the one source other manifests copy from. */
  static List<Document> ourCrds() {
    Path crdDirectory = root().resolve("crds");
    List<Document> crds = all().stream().filter(d -> d.isOurCrd() && d.file().startsWith(crdDirectory)).toList();
    assertThat(crds).as("our CRDs in k8s/crds").hasSize(4);
    return crds;
  }

  /** Every definition of one of our CRDs anywhere under {@code k8s/}, copies included. */
  static List<Document> allCrdDefinitions() {
    return all().stream().filter(Document::isOurCrd).toList();
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static List<Document> load(Path file) throws IOException {
    List<Document> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      int index = 0;
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
        if (document instanceof Map<?, ?>) {
          documents.add(new Document(file, index, toJson(document).getAsJsonObject()));
        }
        index++;
      }
    }
    return documents;
  }

  /** YAML values to JSON as the API server reads them; an unquoted timestamp stays the text it was. */
  static JsonElement toJson(Object value) {
    return switch (value) {
      case null -> JsonNull.INSTANCE;
      case Map<?, ?> map -> {
        JsonObject object = new JsonObject();
        map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
        yield object;
      }
      case List<?> list -> {
        JsonArray array = new JsonArray();
        list.forEach(item -> array.add(toJson(item)));
        yield array;
      }
      case Number number -> new JsonPrimitive(number);
      case Boolean bool -> new JsonPrimitive(bool);
      case Date date -> new JsonPrimitive(date.toInstant().toString());
      default -> new JsonPrimitive(value.toString());
    };
  }
}
