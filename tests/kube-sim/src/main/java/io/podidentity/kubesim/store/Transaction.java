package io.podidentity.kubesim.store;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.Meta;
import java.util.List;

/**
 * The view of the store that {@link ObjectStore#write} hands out while it holds its lock. Each put or remove
 * commits at once with the next resourceVersion; objects passed in become the store's and must not be changed
 * afterwards, and objects read must not be changed at all.
 */
public final class Transaction {
  private final ObjectStore store;
  private final boolean dryRun;

  Transaction(ObjectStore store, boolean dryRun) {
    this.store = store;
    this.dryRun = dryRun;
  }

  public JsonObject get(String bucket, String namespace, String name) {
    return store.bucket(bucket).get(ObjectStore.key(namespace, name));
  }

  public List<JsonObject> list(String bucket, String namespace) {
    return store.items(bucket, namespace);
  }

  /** Stores the object (ADDED when new, MODIFIED otherwise) with the next resourceVersion; returns what is stored. */
  public JsonObject put(String bucket, JsonObject object) {
    String key = ObjectStore.key(Meta.namespace(object), Meta.name(object));
    if (dryRun) {
      JsonObject existing = store.bucket(bucket).get(key);
      Meta.set(object, "resourceVersion", existing == null ? null : Meta.resourceVersion(existing));
      return Meta.canonical(object);
    }
    long rv = store.nextRevision();
    Meta.set(object, "resourceVersion", Long.toString(rv));
    JsonObject stored = Meta.canonical(object);
    JsonObject previous = store.bucket(bucket).put(key, stored);
    store.commit(previous == null ? StoredEvent.Type.ADDED : StoredEvent.Type.MODIFIED, bucket, stored, previous);
    return stored;
  }

  /** Removes the object; the DELETED event and the result carry its last state at the deletion's resourceVersion. */
  public JsonObject remove(String bucket, String namespace, String name) {
    String key = ObjectStore.key(namespace, name);
    if (dryRun) {
      JsonObject existing = store.bucket(bucket).get(key);
      return existing == null ? null : existing.deepCopy();
    }
    JsonObject previous = store.bucket(bucket).remove(key);
    if (previous == null) {
      return null;
    }
    long rv = store.nextRevision();
    JsonObject last = previous.deepCopy();
    Meta.set(last, "resourceVersion", Long.toString(rv));
    store.commit(StoredEvent.Type.DELETED, bucket, last, previous);
    return last;
  }

  public long revision() {
    return store.log().head();
  }
}
