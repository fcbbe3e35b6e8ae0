package io.podidentity.kubesim.table;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Renders objects as a {@code meta.k8s.io} Table, the way the apiserver answers
 * {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}: all columns (wide ones included, the client
 * picks), one row per object, and each row's object as PartialObjectMetadata, the full object, or nothing
 * ({@code includeObject}).
 */
public final class TableConverter {
  /** The {@code includeObject} query parameter. */
  public enum IncludeObject {
    NONE,
    METADATA,
    OBJECT;

    public static IncludeObject parse(String value) {
      if (value == null || value.isEmpty() || value.equals("Metadata")) {
        return METADATA;
      }
      return switch (value) {
        case "Object" -> OBJECT;
        case "None" -> NONE;
        default -> throw new IllegalArgumentException(value);
      };
    }
  }

  private final TablePrinter printer;
  private final String apiVersion;
  private final IncludeObject include;

  public TableConverter(TablePrinter printer, String tableVersion, IncludeObject include) {
    this.printer = printer;
    this.apiVersion = "meta.k8s.io/" + tableVersion;
    this.include = include;
  }

  /** A table of the objects; list metadata (resourceVersion, continue, remainingItemCount) is copied as given. */
  public JsonObject table(List<JsonObject> objects, JsonObject listMeta, boolean withHeaders, Instant now) {
    JsonObject table = new JsonObject();
    table.addProperty("kind", "Table");
    table.addProperty("apiVersion", apiVersion);
    table.add("metadata", listMeta);
    if (withHeaders) {
      JsonArray columns = new JsonArray();
      printer.columns().forEach(c -> columns.add(c.json()));
      table.add("columnDefinitions", columns);
    } else {
      table.add("columnDefinitions", JsonNull.INSTANCE);
    }
    JsonArray rows = new JsonArray();
    for (JsonObject o : objects) {
      rows.add(row(o, now));
    }
    table.add("rows", rows);
    return table;
  }

  private JsonObject row(JsonObject object, Instant now) {
    JsonObject row = new JsonObject();
    JsonArray cells = new JsonArray();
    List<JsonElement> values = printer.cells(object, now);
    values.forEach(cells::add);
    row.add("cells", cells);
    row.add("object", switch (include) {
      case NONE -> JsonNull.INSTANCE;
      case OBJECT -> object;
      case METADATA -> partial(object);
    });
    return row;
  }

  private JsonObject partial(JsonObject object) {
    JsonObject p = new JsonObject();
    p.addProperty("kind", "PartialObjectMetadata");
    p.addProperty("apiVersion", apiVersion);
    p.add("metadata", object.has("metadata") ? object.get("metadata") : new JsonObject());
    return p;
  }
}
