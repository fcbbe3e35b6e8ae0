package io.podidentity.kubesim.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives the OpenAPI schemas of the built-in kinds from client-java's generated models, which are generated
 * from the apiserver's own OpenAPI: the same fields, the same types, the same required lists. The Go type of every
 * field is kept beside the schema, because the apiserver's decoding errors name Go types.
 */
public final class ModelSchemas {
  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1";
  private static final String TIME = META + ".Time";
  private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final Pattern VERSION_PREFIX = Pattern.compile("^(?:[A-Z][a-z]+)?V\\d+(?:(?:alpha|beta)\\d+)?");
  private static final Set<String> META_MODELS = Set.of("V1ObjectMeta", "V1ListMeta", "V1OwnerReference",
      "V1ManagedFieldsEntry", "V1LabelSelector", "V1LabelSelectorRequirement", "V1Condition", "V1Status",
      "V1StatusDetails", "V1StatusCause", "V1DeleteOptions", "V1Preconditions");
  private static final Map<String, String> PREFIX_PACKAGES =
      Map.of("CoreV1", "io.k8s.api.core.v1", "EventsV1", "io.k8s.api.events.v1", "DiscoveryV1", "io.k8s.api.discovery.v1",
          "AuthenticationV1", "io.k8s.api.authentication.v1");

  private final Map<String, JsonObject> components = new LinkedHashMap<>();
  private final Map<String, String> structNames = new HashMap<>();
  private final Map<String, Map<String, String>> fieldGoTypes = new HashMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();

  public ModelSchemas() {
    components.put(TIME, obj("type", "string", "format", "date-time"));
    components.put(QUANTITY, quantity());
    components.put(INT_OR_STRING, intOrString());
    JsonObject patch = obj("type", "object", "description",
        "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.");
    components.put(META + ".Patch", patch);
  }

  /**
   * Adds the schema of a kind's model (and of every type it reaches) under {@code pkg.Kind}, tagged with its
   * group, version and kind; returns the component name.
   */
  public String addKind(Class<?> model, String pkg, String group, String version, String kind) {
    String name = define(model, pkg);
    JsonArray gvks = new JsonArray();
    gvks.add(obj("group", group, "kind", kind, "version", version));
    components.get(name).add("x-kubernetes-group-version-kind", gvks);
    return name;
  }

  public Map<String, JsonObject> components() {
    return components;
  }

  /** The Go struct name of a component (for "Go struct field PodSpec.spec.x" messages). */
  public String goStruct(String component) {
    return structNames.getOrDefault(component, component.substring(component.lastIndexOf('.') + 1));
  }

  /** The Go type of a field of a component, e.g. {@code []v1.Container}; "" when unknown. */
  public String goType(String component, String field) {
    return fieldGoTypes.getOrDefault(component, Map.of()).getOrDefault(field, "");
  }

  private String define(Class<?> model, String pkg) {
    String known = names.get(model);
    if (known != null) {
      return known;
    }
    String simple = model.getSimpleName();
    String goName = VERSION_PREFIX.matcher(simple).replaceFirst("");
    String name = packageOf(simple, pkg) + "." + goName;
    names.put(model, name);
    JsonObject schema = new JsonObject();
    components.put(name, schema);
    structNames.put(name, goName);
    schema.addProperty("type", "object");
    JsonObject properties = new JsonObject();
    Map<String, String> goTypes = new LinkedHashMap<>();
    for (Field f : model.getDeclaredFields()) {
      SerializedName json = f.getAnnotation(SerializedName.class);
      if (json == null || Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      JsonObject property = typeSchema(f.getGenericType(), packageOf(simple, pkg));
      BuiltinPatchStrategies.Tag tag = BuiltinPatchStrategies.tag(simple, json.value());
      if (tag != null) {
        property.addProperty("x-kubernetes-patch-strategy", tag.strategy());
        if (!tag.mergeKey().isEmpty()) {
          property.addProperty("x-kubernetes-patch-merge-key", tag.mergeKey());
        }
      }
      properties.add(json.value(), property);
      goTypes.put(json.value(), GoTypeNames.of(f.getGenericType()));
    }
    schema.add("properties", properties);
    List<String> required = requiredFields(model);
    if (!required.isEmpty()) {
      JsonArray r = new JsonArray();
      required.stream().sorted().forEach(r::add);
      schema.add("required", r);
    }
    fieldGoTypes.put(name, goTypes);
    return name;
  }

  private JsonObject typeSchema(Type type, String pkg) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        JsonObject array = obj("type", "array");
        array.add("items", typeSchema(args[0], pkg));
        return array;
      }
      if (Map.class.isAssignableFrom(raw)) {
        JsonObject map = obj("type", "object");
        map.add("additionalProperties", typeSchema(args[1], pkg));
        return map;
      }
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class || c.isEnum()) {
      return obj("type", "string");
    }
    if (c == Integer.class || c == Long.class) {
      return obj("type", "integer", "format", c == Integer.class ? "int32" : "int64");
    }
    if (c == Double.class || c == Float.class) {
      return obj("type", "number", "format", c == Double.class ? "double" : "float");
    }
    if (c == Boolean.class) {
      return obj("type", "boolean");
    }
    if (c == byte[].class) {
      return obj("type", "string", "format", "byte");
    }
    if (c == OffsetDateTime.class) {
      return ref(TIME);
    }
    if (c.getSimpleName().equals("Quantity")) {
      return ref(QUANTITY);
    }
    if (c.getSimpleName().equals("IntOrString")) {
      return ref(INT_OR_STRING);
    }
    if (c == Object.class) {
      return new JsonObject();
    }
    return ref(define(c, pkg));
  }

  private static String packageOf(String simpleName, String pkg) {
    if (META_MODELS.contains(simpleName)) {
      return META;
    }
    for (Map.Entry<String, String> e : PREFIX_PACKAGES.entrySet()) {
      if (simpleName.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return pkg;
  }

  @SuppressWarnings("unchecked")
  private static List<String> requiredFields(Class<?> model) {
    try {
      Field f = model.getDeclaredField("openapiRequiredFields");
      Object value = f.get(null);
      return value instanceof Collection<?> c ? List.copyOf((Collection<String>) c) : List.of();
    } catch (ReflectiveOperationException e) {
      return List.of();
    }
  }

  private static JsonObject ref(String name) {
    return obj("$ref", "#/components/schemas/" + name);
  }

  private static JsonObject quantity() {
    JsonObject q = new JsonObject();
    JsonArray oneOf = new JsonArray();
    oneOf.add(obj("type", "string"));
    oneOf.add(obj("type", "number"));
    q.add("oneOf", oneOf);
    return q;
  }

  private static JsonObject intOrString() {
    JsonObject s = obj("format", "int-or-string");
    s.addProperty("x-kubernetes-int-or-string", true);
    return s;
  }

  static JsonObject obj(String... keyValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keyValues.length; i += 2) {
      o.addProperty(keyValues[i], keyValues[i + 1]);
    }
    return o;
  }
}
