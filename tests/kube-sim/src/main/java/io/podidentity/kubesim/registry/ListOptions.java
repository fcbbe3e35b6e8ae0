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
 */
public record ListOptions(
    LabelSelector labelSelector,
    FieldSelector fieldSelector,
    long limit,
    String continueToken,
    String resourceVersion,
    String resourceVersionMatch) {

  public static final ListOptions ALL = new ListOptions(LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, 0, "", "", "");

  /** Parses the query parameters; malformed selectors and numbers are 400s, inconsistent options 422s. */
  public static ListOptions parse(Map<String, String> query) {
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
    ListOptions options = new ListOptions(labels, fields, limit, query.getOrDefault("continue", ""),
        query.getOrDefault("resourceVersion", ""), query.getOrDefault("resourceVersionMatch", ""));
    options.validate();
    return options;
  }

  private void validate() {
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
    if (!errs.isEmpty()) {
      throw ApiException.invalid("meta.k8s.io", "ListOptions", "", errs);
    }
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
