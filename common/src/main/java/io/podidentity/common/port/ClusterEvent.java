package io.podidentity.common.port;

import java.util.Objects;

/** One Kubernetes Event: about which object, {@code Normal} or {@code Warning}, the reason and the message. */
public record ClusterEvent(EventTarget involved, Type type, String reason, String message) {

  /** The Event's {@code type}. */
  public enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String wireValue;

    Type(String wireValue) {
      this.wireValue = wireValue;
    }

    public String wireValue() {
      return wireValue;
    }
  }

  public ClusterEvent {
    Objects.requireNonNull(involved, "involved");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public static ClusterEvent normal(EventTarget involved, String reason, String message) {
    return new ClusterEvent(involved, Type.NORMAL, reason, message);
  }

  public static ClusterEvent warning(EventTarget involved, String reason, String message) {
    return new ClusterEvent(involved, Type.WARNING, reason, message);
  }
}
