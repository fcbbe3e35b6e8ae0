package io.podidentity.kubesim.registry;

import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.select.FieldSelector;
import io.podidentity.kubesim.select.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The list and watch query parameters, parsed and checked as {@code ListOptions} validation checks them.
 *
 * @param limit 0 for no limit
 * @param sendInitialEvents null when not given
 */
public record ListOptions(
    LabelSelector labelSelector,
    FieldSelector fieldSelector,
    long limit,
    String continueToken,
    String resourceVersion,
    String resourceVersionMatch,
    boolean watch,
    Boolean sendInitialEvents) {

  public static final ListOptions ALL =
      new ListOptions(LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, 0, "", "", "", false, null);

  /** Parses the query parameters; malformed selectors and numbers are 400s, inconsistent options 422s. */
  public static ListOptions parse(Map<String, String> query, boolean watch) {
    LabelSelector labels;
    FieldSelector fields;
    try {
      labels = LabelSelector.parse(query.get("labelSelector"));
      fields = FieldSelector.parse(query.get("fieldSelector"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    long limit = 0;
    String limitText = query.getOrDefault("limit", "");
    if (!limitText.isEmpty()) {
      try {
        limit = Math.max(0, Long.parseLong(limitText));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("strconv.ParseInt: parsing " + io.podidentity.kubesim.json.GoTypes.quote(limitText)
            + ": invalid syntax");
      }
    }
    String initial = query.get("sendInitialEvents");
    ListOptions options = new ListOptions(labels, fields, limit, query.getOrDefault("continue", ""),
        query.getOrDefault("resourceVersion", ""), query.getOrDefault("resourceVersionMatch", ""), watch,
        initial == null ? null : parseBool(initial));
    options.validate();
    return options;
  }

  /** The same selection with another field selector (a watch of one named object). */
  public ListOptions withFieldSelector(FieldSelector selector) {
    return new ListOptions(labelSelector, selector, limit, continueToken, resourceVersion, resourceVersionMatch, watch,
        sendInitialEvents);
  }

  private static boolean parseBool(String value) {
    return switch (value) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw ApiException.badRequest("strconv.ParseBool: parsing "
          + io.podidentity.kubesim.json.GoTypes.quote(value) + ": invalid syntax");
    };
  }

  private void validate() {
    List<FieldError> errs = watch ? watchErrors() : listErrors();
    if (!errs.isEmpty()) {
      throw ApiException.invalid("meta.k8s.io", "ListOptions", "", errs);
    }
  }

  private List<FieldError> watchErrors() {
    List<FieldError> errs = new ArrayList<>();
    if (sendInitialEvents != null && !resourceVersionMatch.equals("NotOlderThan")) {
      errs.add(FieldError.forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
    }
    if (!resourceVersionMatch.isEmpty()) {
      if (sendInitialEvents == null) {
        errs.add(FieldError.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
      }
      if (!resourceVersionMatch.equals("NotOlderThan")) {
        errs.add(FieldError.notSupported("resourceVersionMatch", new com.google.gson.JsonPrimitive(resourceVersionMatch),
            List.of("NotOlderThan")));
      }
      if (!continueToken.isEmpty()) {
        errs.add(FieldError.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
      }
    }
    return errs;
  }

  private List<FieldError> listErrors() {
    List<FieldError> errs = new ArrayList<>();
    if (!resourceVersionMatch.isEmpty()) {
      if (resourceVersion.isEmpty()) {
        errs.add(FieldError.forbidden("resourceVersionMatch",
            "resourceVersionMatch is forbidden unless resourceVersion is provided"));
      } else if (!resourceVersionMatch.equals("Exact") && !resourceVersionMatch.equals("NotOlderThan")) {
        errs.add(FieldError.notSupported("resourceVersionMatch",
            new com.google.gson.JsonPrimitive(resourceVersionMatch), List.of("Exact", "NotOlderThan", "")));
      } else if (resourceVersionMatch.equals("Exact") && resourceVersion.equals("0")) {
        errs.add(FieldError.forbidden("resourceVersionMatch",
            "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
      }
    }
    if (!continueToken.isEmpty() && !resourceVersion.isEmpty() && !resourceVersion.equals("0")) {
      errs.add(FieldError.forbidden("resourceVersion", "specifying resource version is not allowed when using continue"));
    }
    if (sendInitialEvents != null) {
      errs.add(FieldError.forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
    }
    return errs;
  }

  /** The resourceVersion as a number; a malformed one is the apiserver's 400. */
  public long resourceVersionNumber() {
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid resource version: strconv.ParseUint: parsing "
          + io.podidentity.kubesim.json.GoTypes.quote(resourceVersion) + ": invalid syntax");
    }
  }

  public boolean hasSelectors() {
    return !labelSelector.isEmpty() || !fieldSelector.isEmpty();
  }
}
