package io.podidentity.kubesim.store;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;

/**
 * One committed change. {@code object} is the new state, or for DELETED the last state carrying the deletion's
 * resourceVersion (as etcd reports it); {@code previous} is the state before the change (null for ADDED). Both are
 * shared with the store and never mutated; the serialized object is computed once for all watchers.
 */
public final class StoredEvent {
  /** The watch event types the store produces; BOOKMARK and ERROR exist only on the wire. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }

  private final long resourceVersion;
  private final Type type;
  private final String bucket;
  private final JsonObject object;
  private final JsonObject previous;
  private volatile String json;

  public StoredEvent(long resourceVersion, Type type, String bucket, JsonObject object, JsonObject previous) {
    this.resourceVersion = resourceVersion;
    this.type = type;
    this.bucket = bucket;
    this.object = object;
    this.previous = previous;
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  public Type type() {
    return type;
  }

  public String bucket() {
    return bucket;
  }

  public JsonObject object() {
    return object;
  }

  public JsonObject previous() {
    return previous;
  }

  /** The object serialized once, shared by every watcher that sends it unchanged. */
  public String objectJson() {
    String s = json;
    if (s == null) {
      s = JsonTree.write(object);
      json = s;
    }
    return s;
  }

  @Override
  public String toString() {
    return type + " " + bucket + " rv=" + resourceVersion;
  }
}
