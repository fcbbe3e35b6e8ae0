package io.podidentity.kubesim.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;

/** The Go type names the apiserver's decoding errors print for the Java types of client-java's model fields. */
final class GoTypeNames {
  private GoTypeNames() {}

  /** The Go type of a model field's Java type, e.g. {@code []v1.Container} for {@code List<V1Container>}. */
  static String of(Type type) {
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      return Collection.class.isAssignableFrom((Class<?>) p.getRawType())
          ? "[]" + of(args[0])
          : "map[string]" + of(args[1]);
    }
    Class<?> c = (Class<?>) type;
    return switch (c.getSimpleName()) {
      case "String" -> "string";
      case "Integer" -> "int32";
      case "Long" -> "int64";
      case "Double" -> "float64";
      case "Float" -> "float32";
      case "Boolean" -> "bool";
      case "byte[]" -> "[]uint8";
      case "OffsetDateTime" -> "v1.Time";
      case "Quantity" -> "resource.Quantity";
      case "IntOrString" -> "intstr.IntOrString";
      case "Object" -> "runtime.RawExtension";
      default -> "v1." + ModelSchemas.VERSION_PREFIX.matcher(c.getSimpleName()).replaceFirst("");
    };
  }
}
