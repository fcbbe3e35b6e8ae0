package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** A printer given by its columns and a function computing a row's cells. */
record RowPrinter(List<Column> columns, BiFunction<JsonObject, Instant, List<JsonElement>> row) implements TablePrinter {
  RowPrinter {
    columns = List.copyOf(columns);
  }

  @Override
  public List<JsonElement> cells(JsonObject object, Instant now) {
    return row.apply(object, now);
  }
}
