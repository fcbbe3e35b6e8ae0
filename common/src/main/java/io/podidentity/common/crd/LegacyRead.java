package io.podidentity.common.crd;

import java.util.List;
import java.util.Objects;

/**
 * An object read by {@link LegacyFieldReader}, with what had to change to make it canonical: fields renamed to
 * their v1 spelling ({@code spec.ClientID -> spec.clientID}) and unknown fields dropped. MIC writes the object back
 * only when something changed.
 *
 * @param <T> the wire class
 */
public record LegacyRead<T>(T object, List<String> renamedFields, List<String> droppedFields) {

  public LegacyRead {
    Objects.requireNonNull(object, "object");
    renamedFields = List.copyOf(renamedFields);
    droppedFields = List.copyOf(droppedFields);
  }

  /** Whether some field was spelled in a pre-v1.6.0 way. */
  public boolean renamed() {
    return !renamedFields.isEmpty();
  }

  /** Whether writing the object back would change what is stored. */
  public boolean changed() {
    return renamed() || !droppedFields.isEmpty();
  }
}
