package io.podidentity.kubesim.registry;

import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.schema.ObjectSchema;
import io.podidentity.kubesim.table.TablePrinter;

/**
 * Everything the server knows about one served resource: its names, the store bucket it lives in (shared by the
 * versions and aliases of one stored resource), the kind's strategy, its schema, its printer and how the served
 * version presents stored objects.
 */
public record ApiResource(
    ResourceType type,
    String bucket,
    KindStrategy strategy,
    ObjectSchema schema,
    TablePrinter printer,
    ObjectView view) {

  /** Whether this is a custom resource served for a CRD. */
  public boolean isCustom() {
    return schema instanceof ObjectSchema.Custom;
  }
}
