package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A CRD version's {@code additionalPrinterColumns} (or the default Age column when it declares none), evaluated
 * per object as the apiextensions table convertor does: "date" columns become ages, "string" columns the printed
 * first result, and typed columns the JSON value when it has the declared type.
 */
public final class CustomColumnsPrinter implements TablePrinter {
  private record Definition(Column column, JsonPathExpression path) {}

  private final List<Definition> definitions = new ArrayList<>();

  /** Builds the printer from the version's additionalPrinterColumns array (null or empty for the default). */
  public CustomColumnsPrinter(JsonElement printerColumns) {
    if (printerColumns == null || !printerColumns.isJsonArray() || printerColumns.getAsJsonArray().isEmpty()) {
      definitions.add(new Definition(new Column("Age", "date", "", Column.age().description(), 0),
          JsonPathExpression.parse(".metadata.creationTimestamp")));
      return;
    }
    for (JsonElement c : printerColumns.getAsJsonArray()) {
      String jsonPath = JsonTree.text(c, "jsonPath");
      String description = JsonTree.text(c, "description");
      JsonElement priority = JsonTree.at(c, "priority");
      Column column = new Column(JsonTree.text(c, "name"), JsonTree.text(c, "type"), JsonTree.text(c, "format"),
          description.isEmpty() ? "Custom resource definition column (in JSONPath format): " + jsonPath : description,
          priority != null && priority.isJsonPrimitive() ? priority.getAsInt() : 0);
      definitions.add(new Definition(column, JsonPathExpression.parse(jsonPath)));
    }
  }

  @Override
  public List<Column> columns() {
    List<Column> out = new ArrayList<>();
    out.add(Column.nameColumn());
    definitions.forEach(d -> out.add(d.column()));
    return out;
  }

  @Override
  public List<JsonElement> cells(JsonObject object, Instant now) {
    List<JsonElement> cells = new ArrayList<>();
    cells.add(new JsonPrimitive(Meta.name(object)));
    for (Definition d : definitions) {
      List<JsonElement> results = d.path().evaluate(object);
      cells.add(results.isEmpty() || results.get(0).isJsonNull() ? JsonNull.INSTANCE : cell(d.column().type(), results.get(0), now));
    }
    return cells;
  }

  private static JsonElement cell(String type, JsonElement value, Instant now) {
    boolean primitive = value.isJsonPrimitive();
    return switch (type) {
      case "string" -> new JsonPrimitive(JsonPathExpression.text(value));
      case "integer" -> primitive && value.getAsJsonPrimitive().isNumber() ? new JsonPrimitive(value.getAsLong()) : JsonNull.INSTANCE;
      case "number" -> primitive && value.getAsJsonPrimitive().isNumber() ? new JsonPrimitive(value.getAsDouble()) : JsonNull.INSTANCE;
      case "boolean" -> primitive && value.getAsJsonPrimitive().isBoolean() ? value : JsonNull.INSTANCE;
      case "date" -> primitive && value.getAsJsonPrimitive().isString() ? date(value.getAsString(), now) : JsonNull.INSTANCE;
      default -> JsonNull.INSTANCE;
    };
  }

  private static JsonElement date(String text, Instant now) {
    Instant t = Timestamps.parse(text);
    return new JsonPrimitive(t == null ? "<invalid>" : HumanDuration.since(t, now));
  }
}
