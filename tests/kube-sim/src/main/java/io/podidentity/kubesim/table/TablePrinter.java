package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;

/** The server-side printing of one kind: its columns and the cells of one object's row. */
public interface TablePrinter {
  List<Column> columns();

  /** One cell per column, as JSON values (strings, numbers, booleans or null). */
  List<JsonElement> cells(JsonObject object, Instant now);
}
