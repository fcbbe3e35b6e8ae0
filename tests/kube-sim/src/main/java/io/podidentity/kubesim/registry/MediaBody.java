package io.podidentity.kubesim.registry;

import com.google.gson.Gson;
import io.podidentity.kubesim.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a request body of one of the media types the apiserver accepts (JSON, YAML, protobuf) as JSON text. */
public final class MediaBody {
  private static final Gson GSON = new Gson();

  private MediaBody() {}

  public static String toJsonText(byte[] body, String contentType, boolean custom) {
    String base = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    if (base.isEmpty() || base.equals("application/json") || base.equals("*/*")) {
      return new String(body, StandardCharsets.UTF_8);
    }
    if (base.equals("application/yaml")) {
      try {
        Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(body, StandardCharsets.UTF_8));
        return GSON.toJson(value);
      } catch (YAMLException e) {
        throw ApiException.badRequest("error converting YAML to JSON: yaml: " + e.getMessage());
      }
    }
    if (base.equals("application/vnd.kubernetes.protobuf") && !custom) {
      String json = ProtobufBody.toJsonText(body);
      if (json != null) {
        return json;
      }
    }
    throw ApiException.unsupportedMediaType(custom
        ? List.of("application/json", "application/yaml")
        : List.of("application/json", "application/yaml", "application/vnd.kubernetes.protobuf"));
  }
}
