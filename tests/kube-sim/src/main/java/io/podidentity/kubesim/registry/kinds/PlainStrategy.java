package io.podidentity.kubesim.registry.kinds;

import io.podidentity.kubesim.registry.KindStrategy;
import io.podidentity.kubesim.select.SelectableFields;

/**
 * A kind without status, defaults or validation of its own (ConfigMap, ServiceAccount, Lease, Events,
 * Endpoints): only its update and delete policies and its selectable fields differ.
 */
public record PlainStrategy(
    boolean allowCreateOnUpdate,
    boolean allowUnconditionalUpdate,
    boolean returnsDeletedObject,
    SelectableFields fields) implements KindStrategy {

  /** The policies of most kinds: no create on PUT, unconditional PUT allowed, DELETE answers a Status. */
  public static PlainStrategy standard() {
    return new PlainStrategy(false, true, false, SelectableFields.metadataOnly());
  }
}
