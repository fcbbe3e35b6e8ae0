package io.podidentity.common.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a node's {@code spec.providerID} into a {@link ComputeRef}: {@code azure:///subscriptions/<s>/resourceGroups/
 * <rg>/providers/Microsoft.Compute/virtualMachines/<vm>} for a standalone VM, {@code
 * .../virtualMachineScaleSets/<ss>/virtualMachines/<instance>} for a scale-set VM. Keywords match in any letter case
 * and the {@code azure://} scheme is optional, as the original's patterns allow; the names keep their case.
 */
public final class ProviderId {
  private static final String SCHEME = "azure://";
  // Keywords at their positions; null where the segment is a name (subscription, resource group).
  private static final String[] PREFIX = {
    "subscriptions", null, "resourcegroups", null, "providers", "microsoft.compute"
  };
  private static final int TYPE = PREFIX.length;
  private static final int NAME = TYPE + 1;

  private ProviderId() {}

  /** Parses a providerID; the reason of a rejection quotes it and says what was expected. */
  public static Mapped<ComputeRef> parse(String providerId) {
    if (providerId == null || providerId.isBlank()) {
      return Mapped.rejected("providerID is empty");
    }
    List<String> segments = segments(providerId);
    if (segments.size() < NAME + 1 || !prefixMatches(segments)) {
      return reject(providerId, "a Microsoft.Compute resource ID");
    }
    String type = segments.get(TYPE).toLowerCase(Locale.ROOT);
    String subscription = segments.get(1);
    String resourceGroup = segments.get(3);
    String name = segments.get(NAME);
    if (type.equals("virtualmachines") && segments.size() == NAME + 1) {
      return Mapped.valid(new ComputeRef.StandaloneVm(subscription, resourceGroup, name));
    }
    if (type.equals("virtualmachinescalesets")
        && segments.size() == NAME + 3
        && segments.get(NAME + 1).equalsIgnoreCase("virtualMachines")) {
      return Mapped.valid(new ComputeRef.ScaleSetVm(subscription, resourceGroup, name, segments.get(NAME + 2)));
    }
    return reject(providerId, ".../virtualMachines/<name> or .../virtualMachineScaleSets/<name>/virtualMachines/<id>");
  }

  private static List<String> segments(String providerId) {
    String path = providerId.strip();
    if (path.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      path = path.substring(SCHEME.length());
    }
    List<String> segments = new ArrayList<>(Arrays.asList(path.split("/", -1)));
    while (!segments.isEmpty() && segments.getFirst().isEmpty()) {
      segments.removeFirst();
    }
    while (!segments.isEmpty() && segments.getLast().isEmpty()) {
      segments.removeLast();
    }
    return segments;
  }

  private static boolean prefixMatches(List<String> segments) {
    for (int i = 0; i < PREFIX.length; i++) {
      String segment = segments.get(i);
      if (segment.isBlank() || (PREFIX[i] != null && !PREFIX[i].equalsIgnoreCase(segment))) {
        return false;
      }
    }
    return segments.stream().noneMatch(String::isBlank);
  }

  private static Mapped<ComputeRef> reject(String providerId, String expected) {
    return Mapped.rejected("providerID \"" + providerId + "\" is not " + expected);
  }
}
