package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The event columns (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; wide: SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME),
 * read from either the core v1 or the events.k8s.io/v1 field names.
 */
final class EventPrinter implements TablePrinter {
  static final EventPrinter INSTANCE = new EventPrinter();

  private static final List<Column> COLUMNS = List.of(
      Column.of("Last Seen", "string", "The time at which the most recent occurrence of this event was recorded."),
      Column.of("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future"),
      Column.of("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
      Column.of("Object", "string", "The object that this event is about."),
      Column.wide("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]."),
      Column.wide("Source", "The component reporting this event. Should be a short machine understandable string."),
      Column.of("Message", "string", "A human-readable description of the status of this operation."),
      Column.wide("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"),
      Column.wide("Count", "The number of times this event has occurred."),
      new Column("Name", "string", "name", Column.nameColumn().description(), 1));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<JsonElement> cells(JsonObject e, Instant now) {
    String firstTs = either(e, "firstTimestamp", "deprecatedFirstTimestamp");
    String first = firstTs.isEmpty() ? since(JsonTree.text(e, "eventTime"), now) : since(firstTs, now);
    String lastTs = either(e, "lastTimestamp", "deprecatedLastTimestamp");
    String last = lastTs.isEmpty() ? first : since(lastTs, now);
    JsonElement countField = e.has("count") ? e.get("count") : e.get("deprecatedCount");
    long count = countField != null && countField.isJsonPrimitive() ? countField.getAsLong() : 0;
    JsonObject series = JsonTree.object(e, "series");
    if (series != null) {
      last = since(JsonTree.text(series, "lastObservedTime"), now);
      count = series.has("count") ? series.get("count").getAsLong() : count;
    } else if (count == 0) {
      count = 1;
    }
    JsonObject target = e.has("involvedObject") ? JsonTree.object(e, "involvedObject") : JsonTree.object(e, "regarding");
    String kind = JsonTree.text(target, "kind").toLowerCase(Locale.ROOT);
    String name = JsonTree.text(target, "name");
    String component = JsonTree.text(e, "source", "component");
    component = component.isEmpty() ? JsonTree.text(e, "deprecatedSource", "component") : component;
    component = component.isEmpty() ? either(e, "reportingComponent", "reportingController") : component;
    String host = JsonTree.text(e, "source", "host");
    host = host.isEmpty() ? JsonTree.text(e, "reportingInstance") : host;
    return List.of(Cells.text(last), Cells.text(JsonTree.text(e, "type")), Cells.text(JsonTree.text(e, "reason")),
        Cells.text(name.isEmpty() ? kind : kind + "/" + name), Cells.text(JsonTree.text(target, "fieldPath")),
        Cells.text(host.isEmpty() ? component : component + ", " + host),
        Cells.text(either(e, "message", "note").strip()), Cells.text(first), new JsonPrimitive(count),
        Cells.text(Meta.name(e)));
  }

  private static String since(String ts, Instant now) {
    return Cells.since(ts, now).getAsString();
  }

  private static String either(JsonObject e, String a, String b) {
    String v = JsonTree.text(e, a);
    return v.isEmpty() ? JsonTree.text(e, b) : v;
  }
}
