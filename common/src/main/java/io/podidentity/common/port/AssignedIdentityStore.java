package io.podidentity.common.port;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;

/**
 * Writes {@code AzureAssignedIdentity} objects, the record of each assignment that NMI reads. The store builds the
 * object as the original does (name, namespace, {@code nodename} label, finalizer, full copies of identity and
 * binding); each call is one write, with failures returned, never thrown.
 */
public interface AssignedIdentityStore {

  /** POST a new assigned identity in state {@code Created}. */
  StoreResult create(AssignedIdentity created);

  /** PUT {@code replacement} over the existing object at its resourceVersion, in state {@code Created}. */
  StoreResult update(AssignedIdentity replacement);

  /** Change only {@code status.status}. */
  StoreResult setState(AssignedIdentity assigned, AssignmentState state);

  /** DELETE the object and strip MIC's finalizer so it goes away; an object already gone counts as deleted. */
  StoreResult delete(AssignedIdentity assigned);
}
