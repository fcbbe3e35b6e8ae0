package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.GoTypes;
import io.podidentity.kubesim.json.Meta;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The approval policy for CRDs in the protected groups ({@code *.k8s.io}, {@code *.kubernetes.io}): they need the
 * {@code api-approved.kubernetes.io} annotation, a URL or a reason starting with "unapproved", and carry a
 * KubernetesAPIApprovalPolicyConformant condition saying which.
 */
public final class ApiApproval {
  public static final String ANNOTATION = "api-approved.kubernetes.io";
  private static final String ENHANCEMENT = "see https://github.com/kubernetes/enhancements/pull/1111";

  /** The annotation's state, the condition it leads to, and the reason worded as the apiserver words it. */
  public enum State { MISSING, INVALID, APPROVED, BYPASSED }

  private ApiApproval() {}

  public static boolean isProtected(String group) {
    return group.equals("k8s.io") || group.endsWith(".k8s.io") || group.equals("kubernetes.io")
        || group.endsWith(".kubernetes.io");
  }

  public static State state(JsonObject crd) {
    String value = Meta.annotations(crd).getOrDefault(ANNOTATION, "");
    if (value.isEmpty()) {
      return State.MISSING;
    }
    if (value.startsWith("unapproved")) {
      return State.BYPASSED;
    }
    return isUrl(value) ? State.APPROVED : State.INVALID;
  }

  public static String reason(JsonObject crd) {
    String value = Meta.annotations(crd).getOrDefault(ANNOTATION, "");
    return switch (state(crd)) {
      case MISSING -> "protected groups must have approval annotation " + GoTypes.quote(ANNOTATION) + ", " + ENHANCEMENT;
      case BYPASSED -> "not approved: " + GoTypes.quote(value);
      case APPROVED -> "approved in " + value;
      case INVALID -> "protected groups must have approval annotation " + GoTypes.quote(ANNOTATION)
          + " with either a URL or a reason starting with \"unapproved\", " + ENHANCEMENT;
    };
  }

  /** The validation errors for a CRD whose approval state is new (created, or changed by the update). */
  static List<FieldError> errors(JsonObject crd, String group) {
    if (!isProtected(group)) {
      return List.of();
    }
    String field = "metadata.annotations[" + ANNOTATION + "]";
    return switch (state(crd)) {
      case MISSING -> List.of(FieldError.required(field, reason(crd)));
      case INVALID -> List.of(FieldError.invalid(field, Meta.annotations(crd).get(ANNOTATION), reason(crd)));
      default -> List.of();
    };
  }

  private static boolean isUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.getScheme() != null && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
