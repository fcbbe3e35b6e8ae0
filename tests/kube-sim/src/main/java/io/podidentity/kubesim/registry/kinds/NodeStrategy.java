package io.podidentity.kubesim.registry.kinds;

import io.podidentity.kubesim.registry.KindStrategy;
import io.podidentity.kubesim.select.SelectableFields;
import java.util.Map;

/** Nodes: cluster-scoped, with a status subresource, and (unlike most kinds) a status accepted on create. */
public final class NodeStrategy implements KindStrategy {
  private static final SelectableFields FIELDS = SelectableFields.converted(false, Map.of(
      "spec.unschedulable", obj -> Boolean.toString("true".equals(SelectableFields.path("spec.unschedulable").apply(obj)))));

  @Override
  public boolean statusSubresource() {
    return true;
  }

  @Override
  public SelectableFields fields() {
    return FIELDS;
  }
}
