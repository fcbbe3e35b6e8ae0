package io.podidentity.kubesim.table;

import com.google.gson.JsonObject;

/** A {@code TableColumnDefinition}: priority 0 columns are shown by default, higher ones with {@code -o wide}. */
public record Column(String name, String type, String format, String description, int priority) {

  public static Column of(String name, String type, String description) {
    return new Column(name, type, "", description, 0);
  }

  public static Column wide(String name, String description) {
    return new Column(name, "string", "", description, 1);
  }

  public static Column nameColumn() {
    return new Column("Name", "string", "name", "Name must be unique within a namespace. Is required when creating "
        + "resources, although some resources may allow a client to request the generation of an appropriate name "
        + "automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot "
        + "be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names", 0);
  }

  public static Column age() {
    return of("Age", "string", "CreationTimestamp is a timestamp representing the server time when this object was "
        + "created. It is not guaranteed to be set in happens-before order across separate operations. Clients may "
        + "not set this value. It is represented in RFC3339 form and is in UTC.");
  }

  JsonObject json() {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("type", type);
    o.addProperty("format", format);
    o.addProperty("description", description);
    o.addProperty("priority", priority);
    return o;
  }
}
