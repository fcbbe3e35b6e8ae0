package io.podidentity.kubesim.select;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields a resource can be selected by and how their values are read from an object. Kinds whose scheme
 * registers a field-label conversion reject others with {@code field label not supported: X}; the rest fall back
 * to the generic {@code "X" is not a known field selector: only "metadata.name", "metadata.namespace"}.
 */
public final class SelectableFields {
  private final Map<String, Function<JsonObject, String>> fields;
  private final boolean converted;

  private SelectableFields(Map<String, Function<JsonObject, String>> fields, boolean converted) {
    this.fields = Map.copyOf(fields);
    this.converted = converted;
  }

  /** metadata.name and metadata.namespace only, with the generic rejection message. */
  public static SelectableFields metadataOnly() {
    return new SelectableFields(metadata(true), false);
  }

  /** A kind with its own field-label conversion; {@code withNamespace} false drops metadata.namespace. */
  public static SelectableFields converted(boolean withNamespace, Map<String, Function<JsonObject, String>> extra) {
    Map<String, Function<JsonObject, String>> all = metadata(withNamespace);
    all.putAll(extra);
    return new SelectableFields(all, true);
  }

  /** Reads a field by its dotted path, e.g. {@code spec.nodeName}; non-strings read as their JSON text. */
  public static Function<JsonObject, String> path(String dotted) {
    String[] parts = dotted.split("\\.");
    return obj -> {
      var e = JsonTree.at(obj, parts);
      if (e == null || e.isJsonNull()) {
        return "";
      }
      return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    };
  }

  private static Map<String, Function<JsonObject, String>> metadata(boolean withNamespace) {
    Map<String, Function<JsonObject, String>> m = new LinkedHashMap<>();
    m.put("metadata.name", Meta::name);
    if (withNamespace) {
      m.put("metadata.namespace", Meta::namespace);
    }
    return m;
  }

  /** Rejects a selector naming a field this resource cannot be selected by, with the apiserver's 400. */
  public void check(FieldSelector selector) {
    for (FieldSelector.Term t : selector.terms()) {
      if (!fields.containsKey(t.field())) {
        throw ApiException.badRequest(converted
            ? "field label not supported: " + t.field()
            : "\"" + t.field() + "\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
      }
    }
  }

  /** Whether the object matches the selector (checked beforehand with {@link #check}). */
  public boolean matches(FieldSelector selector, JsonObject object) {
    if (selector.isEmpty()) {
      return true;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (FieldSelector.Term t : selector.terms()) {
      values.put(t.field(), fields.get(t.field()).apply(object));
    }
    return selector.matches(values);
  }
}
