package io.podidentity.common.testing;

import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.ObjectRef;

/** One write a {@link FakeAssignedIdentityStore} received, in order. */
public sealed interface StoreCall {
  ObjectRef ref();

  /** The kind of write, for scripting failures. */
  enum Operation { CREATE, UPDATE, SET_STATE, DELETE }

  Operation operation();

  record Create(ObjectRef ref) implements StoreCall {
    public Operation operation() {
      return Operation.CREATE;
    }
  }

  record Update(ObjectRef ref) implements StoreCall {
    public Operation operation() {
      return Operation.UPDATE;
    }
  }

  record SetState(ObjectRef ref, AssignmentState state) implements StoreCall {
    public Operation operation() {
      return Operation.SET_STATE;
    }
  }

  record Delete(ObjectRef ref) implements StoreCall {
    public Operation operation() {
      return Operation.DELETE;
    }
  }
}
