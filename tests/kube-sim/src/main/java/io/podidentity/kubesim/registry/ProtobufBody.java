package io.podidentity.kubesim.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Authentication;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code application/vnd.kubernetes.protobuf} request bodies, which kubectl's generators send
 * ({@code create namespace}, {@code create configmap}, {@code create token}...): the {@code k8s\0} envelope, the
 * runtime.Unknown wrapper, then the kind's message, decoded with the descriptors client-java ships and turned
 * into the JSON the rest of the server reads (Time as RFC 3339, Quantity and IntOrString as scalars, bytes as
 * base64).
 */
final class ProtobufBody {
  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final Map<String, Descriptor> MESSAGES = index(List.of(V1.getDescriptor(),
      V1Authentication.getDescriptor(), Meta.getDescriptor()));

  private ProtobufBody() {}

  /** The body as JSON text, or null when its kind has no known protobuf message. */
  static String toJsonText(byte[] body) {
    if (body.length < MAGIC.length || !java.util.Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw ApiException.badRequest("provided data does not appear to be a protobuf message, expected prefix "
          + java.util.Arrays.toString(MAGIC));
    }
    try {
      Runtime.Unknown unknown = Runtime.Unknown.parseFrom(ByteString.copyFrom(body, MAGIC.length, body.length - MAGIC.length));
      String apiVersion = unknown.getTypeMeta().getApiVersion();
      String kind = unknown.getTypeMeta().getKind();
      Descriptor descriptor = MESSAGES.get(protoPackage(apiVersion) + "." + kind);
      if (descriptor == null) {
        return null;
      }
      JsonObject json = object(DynamicMessage.parseFrom(descriptor, unknown.getRaw()));
      JsonObject out = new JsonObject();
      out.addProperty("kind", kind);
      out.addProperty("apiVersion", apiVersion);
      json.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
      return out.toString();
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest("unable to decode protobuf body: " + e.getMessage());
    }
  }

  private static String protoPackage(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return "k8s.io.api.core." + apiVersion;
    }
    String group = apiVersion.substring(0, slash);
    return "k8s.io.api." + group.substring(0, group.indexOf('.') < 0 ? group.length() : group.indexOf('.')) + "."
        + apiVersion.substring(slash + 1);
  }

  private static JsonObject object(Message m) {
    JsonObject out = new JsonObject();
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      out.add(f.getName(), f.isMapField() ? map(f, e.getValue()) : f.isRepeated() ? list(f, e.getValue()) : value(f, e.getValue()));
    }
    return out;
  }

  private static JsonElement map(FieldDescriptor f, Object entries) {
    JsonObject out = new JsonObject();
    FieldDescriptor valueField = f.getMessageType().findFieldByName("value");
    for (Object entry : (List<?>) entries) {
      Message m = (Message) entry;
      String key = String.valueOf(m.getField(m.getDescriptorForType().findFieldByName("key")));
      out.add(key, value(valueField, m.getField(valueField)));
    }
    return out;
  }

  private static JsonElement list(FieldDescriptor f, Object values) {
    JsonArray out = new JsonArray();
    for (Object v : (List<?>) values) {
      out.add(value(f, v));
    }
    return out;
  }

  private static JsonElement value(FieldDescriptor f, Object v) {
    return switch (f.getJavaType()) {
      case MESSAGE -> special((Message) v);
      case BYTE_STRING -> new JsonPrimitive(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
      case ENUM -> new JsonPrimitive(v.toString());
      case BOOLEAN -> new JsonPrimitive((Boolean) v);
      case STRING -> new JsonPrimitive((String) v);
      default -> new JsonPrimitive((Number) v);
    };
  }

  /** The apimachinery types whose JSON form is not their message's shape. */
  private static JsonElement special(Message m) {
    String name = m.getDescriptorForType().getFullName();
    return switch (name) {
      case "k8s.io.apimachinery.pkg.apis.meta.v1.Time" -> new JsonPrimitive(Timestamps.seconds(instant(m)));
      case "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime" -> new JsonPrimitive(Timestamps.micros(instant(m)));
      case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> new JsonPrimitive(field(m, "string").toString());
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> ((Number) field(m, "type")).intValue() == 0
          ? new JsonPrimitive((Number) field(m, "intVal")) : new JsonPrimitive(field(m, "strVal").toString());
      case "k8s.io.apimachinery.pkg.runtime.RawExtension" -> raw((ByteString) field(m, "raw"));
      default -> object(m);
    };
  }

  private static Instant instant(Message m) {
    return Instant.ofEpochSecond(((Number) field(m, "seconds")).longValue(), ((Number) field(m, "nanos")).intValue());
  }

  private static Object field(Message m, String name) {
    return m.getField(m.getDescriptorForType().findFieldByName(name));
  }

  private static JsonElement raw(ByteString bytes) {
    return bytes.isEmpty() ? JsonNull.INSTANCE : JsonParser.parseString(bytes.toString(StandardCharsets.UTF_8));
  }

  private static Map<String, Descriptor> index(List<FileDescriptor> files) {
    Map<String, Descriptor> out = new HashMap<>();
    files.forEach(f -> f.getMessageTypes().forEach(d -> out.put(d.getFullName(), d)));
    return out;
  }
}
