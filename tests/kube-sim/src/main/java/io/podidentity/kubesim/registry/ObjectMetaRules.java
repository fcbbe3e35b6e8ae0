package io.podidentity.kubesim.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checks every object's metadata passes on create and update ({@code ValidateObjectMetaAccessor} and its
 * update twin): name format, labels, annotations, finalizers, and the fields an update may not change.
 */
final class ObjectMetaRules {
  private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final int ANNOTATIONS_LIMIT = 256 * 1024;

  private ObjectMetaRules() {}

  static List<FieldError> onCreate(JsonObject obj, NameRule rule) {
    List<FieldError> errs = new ArrayList<>();
    String generateName = JsonTree.text(obj, "metadata", "generateName");
    if (!generateName.isEmpty()) {
      rule.check(generateName, true).forEach(m -> errs.add(FieldError.invalid("metadata.generateName", generateName, m)));
    }
    String name = Meta.name(obj);
    if (name.isEmpty()) {
      errs.add(FieldError.required("metadata.name", "name or generateName is required"));
    } else {
      rule.check(name, false).forEach(m -> errs.add(FieldError.invalid("metadata.name", name, m)));
    }
    errs.addAll(common(obj));
    return errs;
  }

  static List<FieldError> onUpdate(JsonObject obj, JsonObject old) {
    List<FieldError> errs = new ArrayList<>();
    if (Meta.isDeleting(old)) {
      List<String> before = Meta.finalizers(old);
      for (String f : Meta.finalizers(obj)) {
        if (!before.contains(f)) {
          errs.add(FieldError.forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted, found new finalizers []string{\"" + f + "\"}"));
        }
      }
    }
    for (String field : List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds")) {
      JsonElement now = JsonTree.at(obj, "metadata", field);
      JsonElement before = JsonTree.at(old, "metadata", field);
      if (!Objects.equals(now, before)) {
        errs.add(FieldError.invalid("metadata." + field, now == null ? new com.google.gson.JsonPrimitive("") : now,
            "field is immutable"));
      }
    }
    errs.addAll(common(obj));
    return errs;
  }

  private static List<FieldError> common(JsonObject obj) {
    List<FieldError> errs = new ArrayList<>();
    for (Map.Entry<String, String> label : Meta.labels(obj).entrySet()) {
      NameRule.qualifiedName(label.getKey())
          .forEach(m -> errs.add(FieldError.invalid("metadata.labels", label.getKey(), m)));
      String v = label.getValue();
      if (v.length() > 63) {
        errs.add(FieldError.invalid("metadata.labels", v, "must be no more than 63 characters"));
      }
      if (!LABEL_VALUE.matcher(v).matches()) {
        errs.add(FieldError.invalid("metadata.labels", v, "a valid label must be an empty string or consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
      }
    }
    long size = 0;
    for (Map.Entry<String, String> a : Meta.annotations(obj).entrySet()) {
      NameRule.qualifiedName(a.getKey().toLowerCase())
          .forEach(m -> errs.add(FieldError.invalid("metadata.annotations", a.getKey(), m)));
      size += a.getKey().getBytes(StandardCharsets.UTF_8).length + a.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > ANNOTATIONS_LIMIT) {
      errs.add(new FieldError(FieldError.Type.TOO_LONG, "metadata.annotations", null,
          "may not be more than " + ANNOTATIONS_LIMIT + " bytes"));
    }
    for (String f : Meta.finalizers(obj)) {
      NameRule.qualifiedName(f).forEach(m -> errs.add(FieldError.invalid("metadata.finalizers", f, m)));
    }
    return errs;
  }
}
