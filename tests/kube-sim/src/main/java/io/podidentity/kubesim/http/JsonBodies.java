package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.JsonDecoder;
import io.podidentity.kubesim.json.JsonSyntaxError;

/** Reads the small JSON bodies of option and subresource requests (DeleteOptions, TokenRequest, Binding). */
final class JsonBodies {
  private JsonBodies() {}

  static JsonObject object(byte[] body, String contentType, String kind) {
    String text = io.podidentity.kubesim.registry.MediaBody.toJsonText(body, contentType, false);
    if (text.isBlank()) {
      return new JsonObject();
    }
    try {
      return JsonDecoder.parseObject(text);
    } catch (JsonSyntaxError e) {
      throw ApiException.badRequest("the object provided is unrecognized (must be of type " + kind
          + "): couldn't get version/kind; json parse error: " + e.getMessage());
    }
  }
}
