package io.podidentity.kubesim.patch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch (add, remove, replace, move, copy, test) with JSON pointers, failing with the messages of
 * the json-patch library the apiserver uses ({@code testing value /spec/x failed: test failed}).
 */
public final class JsonPatch {
  private JsonPatch() {}

  /** Applies the operations to a copy of the document. */
  public static JsonElement apply(JsonElement document, JsonElement patch) throws PatchException {
    if (patch == null || !patch.isJsonArray()) {
      throw new PatchException("json: cannot unmarshal " + io.podidentity.kubesim.json.GoTypes.jsonTypeName(patch)
          + " into Go value of type jsonpatch.Patch", true);
    }
    JsonElement doc = document.deepCopy();
    for (JsonElement e : patch.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        throw new PatchException("json: cannot unmarshal " + io.podidentity.kubesim.json.GoTypes.jsonTypeName(e)
            + " into Go value of type map[string]*json.RawMessage", true);
      }
      doc = operation(doc, e.getAsJsonObject());
    }
    return doc;
  }

  private static JsonElement operation(JsonElement doc, JsonObject op) throws PatchException {
    String kind = JsonTree.text(op, "op");
    String path = JsonTree.text(op, "path");
    return switch (kind) {
      case "add" -> add(doc, path, value(op, "add"));
      case "remove" -> remove(doc, path);
      case "replace" -> replace(doc, path, value(op, "replace"));
      case "move" -> move(doc, from(op, "move"), path);
      case "copy" -> add(doc, path, get(doc, from(op, "copy"), "copy").deepCopy());
      case "test" -> test(doc, path, op.get("value"));
      default -> throw new PatchException("Unexpected kind: " + kind, false);
    };
  }

  private static JsonElement move(JsonElement doc, String from, String path) throws PatchException {
    JsonElement moved = get(doc, from, "move");
    return add(remove(doc, from), path, moved);
  }

  private static JsonElement value(JsonObject op, String kind) throws PatchException {
    if (!op.has("value")) {
      throw new PatchException(kind + " operation missing value", false);
    }
    return op.get("value").deepCopy();
  }

  private static String from(JsonObject op, String kind) throws PatchException {
    if (!op.has("from")) {
      throw new PatchException(kind + " operation missing from", false);
    }
    return JsonTree.text(op, "from");
  }

  private static JsonElement test(JsonElement doc, String path, JsonElement expected) throws PatchException {
    JsonElement actual;
    try {
      actual = path.isEmpty() ? doc : find(doc, parse(path));
    } catch (PatchException e) {
      actual = null;
    }
    boolean same = actual == null ? expected == null || expected.isJsonNull() : actual.equals(expected)
        || numbersEqual(actual, expected);
    if (!same) {
      throw new PatchException("testing value " + path + " failed: test failed", false);
    }
    return doc;
  }

  private static boolean numbersEqual(JsonElement a, JsonElement b) {
    return a != null && b != null && a.isJsonPrimitive() && b.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber()
        && b.getAsJsonPrimitive().isNumber() && a.getAsBigDecimal().compareTo(b.getAsBigDecimal()) == 0;
  }

  private static JsonElement add(JsonElement doc, String path, JsonElement value) throws PatchException {
    if (path.isEmpty()) {
      return value;
    }
    List<String> tokens = parse(path);
    JsonElement parent = parentOf(doc, tokens, path, "add operation does not apply: doc is missing path: ");
    String last = tokens.get(tokens.size() - 1);
    if (parent.isJsonObject()) {
      parent.getAsJsonObject().add(last, value);
    } else {
      JsonArray array = parent.getAsJsonArray();
      int index = last.equals("-") ? array.size() : index(last, array.size() + 1, path);
      List<JsonElement> items = new ArrayList<>(array.asList());
      items.add(index, value);
      rebuild(array, items);
    }
    return doc;
  }

  private static JsonElement remove(JsonElement doc, String path) throws PatchException {
    List<String> tokens = parse(path);
    JsonElement parent = parentOf(doc, tokens, path, "error in remove for path: ");
    String last = tokens.get(tokens.size() - 1);
    if (parent.isJsonObject()) {
      if (parent.getAsJsonObject().remove(last) == null) {
        throw new PatchException("error in remove for path: \"" + path + "\": Unable to remove nonexistent key: " + last
            + ": missing value", false);
      }
    } else {
      JsonArray array = parent.getAsJsonArray();
      array.remove(index(last, array.size(), path));
    }
    return doc;
  }

  private static JsonElement replace(JsonElement doc, String path, JsonElement value) throws PatchException {
    if (path.isEmpty()) {
      return value;
    }
    List<String> tokens = parse(path);
    JsonElement parent = parentOf(doc, tokens, path, "replace operation does not apply: doc is missing path: ");
    String last = tokens.get(tokens.size() - 1);
    if (parent.isJsonObject()) {
      if (!parent.getAsJsonObject().has(last)) {
        throw new PatchException("replace operation does not apply: doc is missing key: " + path + ": missing value", false);
      }
      parent.getAsJsonObject().add(last, value);
    } else {
      JsonArray array = parent.getAsJsonArray();
      array.set(index(last, array.size(), path), value);
    }
    return doc;
  }

  private static JsonElement get(JsonElement doc, String path, String kind) throws PatchException {
    JsonElement v = path.isEmpty() ? doc : find(doc, parse(path));
    if (v == null) {
      throw new PatchException("error in " + kind + " for path: \"" + path + "\": missing value", false);
    }
    return v;
  }

  private static JsonElement parentOf(JsonElement doc, List<String> tokens, String path, String message)
      throws PatchException {
    JsonElement parent = find(doc, tokens.subList(0, tokens.size() - 1));
    if (parent == null || !(parent.isJsonObject() || parent.isJsonArray())) {
      throw new PatchException(message + "\"" + path + "\": missing value", false);
    }
    return parent;
  }

  private static JsonElement find(JsonElement doc, List<String> tokens) throws PatchException {
    JsonElement current = doc;
    for (String t : tokens) {
      if (current != null && current.isJsonObject()) {
        current = current.getAsJsonObject().get(t);
      } else if (current != null && current.isJsonArray()) {
        int i = index(t, current.getAsJsonArray().size(), t);
        current = current.getAsJsonArray().get(i);
      } else {
        return null;
      }
    }
    return current;
  }

  private static int index(String token, int bound, String path) throws PatchException {
    try {
      int i = Integer.parseInt(token);
      if (i < 0 || i >= bound) {
        throw new PatchException("Unable to access invalid index: " + i + ": invalid index referenced", false);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new PatchException("Unable to access invalid index: " + token + " in " + path, false);
    }
  }

  private static List<String> parse(String pointer) throws PatchException {
    if (!pointer.startsWith("/")) {
      throw new PatchException("JSON pointer must be empty or start with a \"/\": " + pointer, false);
    }
    List<String> out = new ArrayList<>();
    for (String part : pointer.substring(1).split("/", -1)) {
      out.add(part.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static void rebuild(JsonArray array, List<JsonElement> items) {
    while (!array.isEmpty()) {
      array.remove(array.size() - 1);
    }
    items.forEach(array::add);
  }
}
