package io.podidentity.kubesim.registry;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * events.k8s.io/v1 Events are the core v1 Events under other field names (the apiserver converts between them),
 * so both resources share one bucket stored in the core shape.
 */
final class EventsV1View implements ObjectView {
  /** events.k8s.io/v1 field to core v1 field. */
  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("eventTime", "eventTime");
    FIELDS.put("series", "series");
    FIELDS.put("reportingController", "reportingComponent");
    FIELDS.put("reportingInstance", "reportingInstance");
    FIELDS.put("action", "action");
    FIELDS.put("reason", "reason");
    FIELDS.put("regarding", "involvedObject");
    FIELDS.put("related", "related");
    FIELDS.put("note", "message");
    FIELDS.put("type", "type");
    FIELDS.put("deprecatedSource", "source");
    FIELDS.put("deprecatedFirstTimestamp", "firstTimestamp");
    FIELDS.put("deprecatedLastTimestamp", "lastTimestamp");
    FIELDS.put("deprecatedCount", "count");
  }

  @Override
  public JsonObject fromStorage(JsonObject core) {
    JsonObject out = new JsonObject();
    out.addProperty("kind", "Event");
    out.addProperty("apiVersion", "events.k8s.io/v1");
    if (core.has("metadata")) {
      out.add("metadata", core.get("metadata"));
    }
    FIELDS.forEach((v1, coreField) -> {
      if (core.has(coreField)) {
        out.add(v1, core.get(coreField));
      }
    });
    if (!out.has("eventTime")) {
      out.add("eventTime", JsonNull.INSTANCE);
    }
    return out;
  }

  @Override
  public JsonObject toStorage(JsonObject v1) {
    JsonObject out = new JsonObject();
    out.addProperty("kind", "Event");
    out.addProperty("apiVersion", "v1");
    if (v1.has("metadata")) {
      out.add("metadata", v1.get("metadata"));
    }
    FIELDS.forEach((v1Field, coreField) -> {
      if (v1.has(v1Field) && !v1.get(v1Field).isJsonNull()) {
        out.add(coreField, v1.get(v1Field));
      }
    });
    if (!out.has("involvedObject")) {
      out.add("involvedObject", new JsonObject());
    }
    return out;
  }
}
