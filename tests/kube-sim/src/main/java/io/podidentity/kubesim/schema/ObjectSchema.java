package io.podidentity.kubesim.schema;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import java.util.List;

/**
 * What the apiserver knows about the shape of one kind. A built-in kind is decoded into Go structs (type errors
 * are 400s, unknown fields are dropped, defaults are code); a custom resource is pruned, defaulted and validated
 * against its CRD's structural schema (type errors are 422s).
 */
public sealed interface ObjectSchema {
  /** The kind's schema, with references resolved through its components. */
  Schema root();

  /** The ObjectMeta schema used to prune metadata. */
  Schema objectMeta();

  /** A built-in kind described by the generated models. */
  record Builtin(ModelSchemas models, String component) implements ObjectSchema {
    @Override
    public Schema root() {
      return new Schema(models.components().get(component), models.components());
    }

    @Override
    public Schema objectMeta() {
      return new Schema(models.components().get(ModelSchemas.META + ".ObjectMeta"), models.components());
    }

    /** The Go decoding error for the body, or null. */
    public String decodeError(JsonObject object) {
      return new GoDecoding(models).firstError(object, component);
    }
  }

  /** A custom resource version described by its CRD's openAPIV3Schema (or none, which preserves everything). */
  record Custom(JsonObject openApiV3Schema, Schema objectMeta) implements ObjectSchema {
    @Override
    public Schema root() {
      return new Schema(openApiV3Schema, java.util.Map.of());
    }

    public void applyDefaults(JsonObject object) {
      Defaulter.applyToObject(object, root());
    }

    public List<FieldError> validate(JsonObject object) {
      return SchemaValidator.validateObject(object, root());
    }
  }
}
