package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The legacy {@code /openapi/v2} document, without definitions. kubectl reads it (as gnostic protobuf) only to
 * validate kinds the server cannot validate itself; every kind served here has server-side field validation
 * through OpenAPI v3, so an empty set of definitions lets kubectl skip its own validation of unknown kinds and
 * then fail on the missing mapping, as it does against a real cluster.
 */
final class OpenApiV2 {
  /** What clients ask for; the answer's Content-Type spells the version without '@', which is no valid token. */
  static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
  static final String PROTOBUF_CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  private OpenApiV2() {}

  static JsonObject json() {
    JsonObject doc = new JsonObject();
    doc.addProperty("swagger", "2.0");
    JsonObject info = new JsonObject();
    info.addProperty("title", "Kubernetes");
    info.addProperty("version", "v1.32.0");
    doc.add("info", info);
    doc.add("paths", new JsonObject());
    doc.add("definitions", new JsonObject());
    return doc;
  }

  /** The gnostic openapi_v2.Document: swagger (1), info (2: title 1, version 2), paths (8), definitions (9). */
  static byte[] protobuf() {
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    field(info, 1, "Kubernetes".getBytes(StandardCharsets.UTF_8));
    field(info, 2, "v1.32.0".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream doc = new ByteArrayOutputStream();
    field(doc, 1, "2.0".getBytes(StandardCharsets.UTF_8));
    field(doc, 2, info.toByteArray());
    field(doc, 8, new byte[0]);
    field(doc, 9, new byte[0]);
    return doc.toByteArray();
  }

  /** A length-delimited protobuf field (wire type 2); lengths here are always below 128. */
  private static void field(ByteArrayOutputStream out, int number, byte[] value) {
    out.write(number << 3 | 2);
    out.write(value.length);
    out.writeBytes(value);
  }
}
