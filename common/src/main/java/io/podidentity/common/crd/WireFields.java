package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON field names of a wire class, read from its {@code @SerializedName}s (our CRD classes and client-java's
 * models alike), with the class to descend into for nested objects. Type parameters of {@link CrdObject} and {@link
 * CrdList} are resolved against the concrete class, so {@code spec} of a {@code V1AzureIdentity} is its spec class.
 */
final class WireFields {
  private static final ClassValue<WireFields> CACHE =
      new ClassValue<>() {
        @Override
        protected WireFields computeValue(Class<?> type) {
          return new WireFields(type);
        }
      };

  /** One JSON field: its canonical name and, for objects and lists of objects, the wire class inside. */
  record Field(String wireName, Class<?> nestedClass, boolean isList) {
    WireFields nested() {
      return nestedClass == null ? null : of(nestedClass);
    }
  }

  private final Map<String, Field> byFoldedName = new HashMap<>();
  private final Map<String, Field> byName = new HashMap<>();

  private WireFields(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (java.lang.reflect.Field field : c.getDeclaredFields()) {
        SerializedName name = field.getAnnotation(SerializedName.class);
        if (name == null || Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Field wire = describe(name.value(), field.getGenericType(), type);
        byName.put(name.value(), wire);
        byFoldedName.put(fold(name.value()), wire);
      }
    }
  }

  static WireFields of(Class<?> type) {
    return CACHE.get(type);
  }

  /** The field a JSON name means: the exact name if there is one, else the one equal ignoring case, else null. */
  Field lookup(String jsonName) {
    Field exact = byName.get(jsonName);
    return exact != null ? exact : byFoldedName.get(fold(jsonName));
  }

  /** Every canonical field name, for comparing the classes with the CRD schemas. */
  Map<String, Field> fields() {
    return Map.copyOf(byName);
  }

  private static Field describe(String wireName, Type declared, Class<?> concrete) {
    Type type = resolve(declared, concrete);
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      Type item = resolve(p.getActualTypeArguments()[0], concrete);
      return new Field(wireName, item instanceof Class<?> c && isWireClass(c) ? c : null, true);
    }
    return new Field(wireName, type instanceof Class<?> c && isWireClass(c) ? c : null, false);
  }

  private static boolean isWireClass(Class<?> type) {
    String pkg = type.getPackageName();
    return pkg.equals(WireFields.class.getPackageName()) || pkg.equals("io.kubernetes.client.openapi.models");
  }

  // Finds what a type variable of a generic superclass (CrdObject's S and T) stands for in the concrete class.
  private static Type resolve(Type type, Class<?> concrete) {
    if (!(type instanceof TypeVariable<?> variable)) {
      return type;
    }
    for (Class<?> c = concrete; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.getGenericSuperclass() instanceof ParameterizedType p
          && p.getRawType() == variable.getGenericDeclaration()) {
        TypeVariable<?>[] parameters = ((Class<?>) p.getRawType()).getTypeParameters();
        for (int i = 0; i < parameters.length; i++) {
          if (parameters[i].equals(variable)) {
            return p.getActualTypeArguments()[i];
          }
        }
      }
    }
    return type;
  }

  // Wire names are ASCII, where this is Go's case folding; Locale.ROOT keeps it independent of the machine's language.
  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
