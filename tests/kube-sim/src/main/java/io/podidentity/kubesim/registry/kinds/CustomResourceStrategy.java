package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.KindStrategy;
import io.podidentity.kubesim.schema.ObjectSchema;
import io.podidentity.kubesim.select.SelectableFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Custom resources of one CRD version: kind and apiVersion must match, the status is ignored on create and by
 * the main endpoint when the CRD declares the status subresource, metadata.generation counts spec changes, and
 * the schema validates everything below metadata. Updates must name a resourceVersion.
 */
public record CustomResourceStrategy(
    String group, String version, String kind, boolean statusSubresource, ObjectSchema.Custom schema,
    SelectableFields fields) implements KindStrategy {

  @Override
  public boolean tracksGeneration() {
    return true;
  }

  @Override
  public boolean allowUnconditionalUpdate() {
    return false;
  }

  @Override
  public void prepareForCreate(JsonObject obj, Instant now) {
    if (statusSubresource) {
      obj.remove("status");
    }
  }

  @Override
  public List<FieldError> validateTypeMeta(JsonObject obj) {
    List<FieldError> errs = new ArrayList<>();
    String actualKind = JsonTree.text(obj, "kind");
    if (!actualKind.equals(kind)) {
      errs.add(FieldError.invalid("kind", actualKind, "must be " + kind));
    }
    String apiVersion = JsonTree.text(obj, "apiVersion");
    if (!apiVersion.equals(group + "/" + version)) {
      errs.add(FieldError.invalid("apiVersion", apiVersion, "must be " + group + "/" + version));
    }
    return errs;
  }

  @Override
  public List<FieldError> validate(JsonObject obj) {
    return schema.validate(obj);
  }
}
