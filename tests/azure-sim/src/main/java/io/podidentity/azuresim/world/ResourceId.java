package io.podidentity.azuresim.world;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ARM resource id {@code /subscriptions/{s}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}}. ARM compares
 * ids case-insensitively, so lookups use {@link #key()}; {@link #toString()} keeps the casing the resource was created
 * with. The managed identity provider writes the group segment as {@code resourcegroups}, which
 * {@link #lowerCaseGroupSegment} reproduces.
 */
public record ResourceId(String subscriptionId, String resourceGroup, String namespace, String type, String name,
    boolean lowerCaseGroupSegment) {

  public static final String COMPUTE = "Microsoft.Compute";
  public static final String MANAGED_IDENTITY = "Microsoft.ManagedIdentity";

  private static final Pattern PATTERN = Pattern.compile(
      "^/subscriptions/([^/]+)/resourcegroups/([^/]+)/providers/([^/]+)/([^/]+)/([^/]+)/?$", Pattern.CASE_INSENSITIVE);

  public ResourceId {
    for (String part : new String[] {subscriptionId, resourceGroup, namespace, type, name}) {
      if (part == null || part.isBlank() || part.contains("/")) {
        throw new IllegalArgumentException("invalid resource id part: " + part);
      }
    }
  }

  public static ResourceId virtualMachine(String subscriptionId, String resourceGroup, String name) {
    return new ResourceId(subscriptionId, resourceGroup, COMPUTE, "virtualMachines", name, false);
  }

  public static ResourceId scaleSet(String subscriptionId, String resourceGroup, String name) {
    return new ResourceId(subscriptionId, resourceGroup, COMPUTE, "virtualMachineScaleSets", name, false);
  }

  public static ResourceId userAssignedIdentity(String subscriptionId, String resourceGroup, String name) {
    return new ResourceId(subscriptionId, resourceGroup, MANAGED_IDENTITY, "userAssignedIdentities", name, true);
  }

  /** Parses a top-level resource id; empty when the text has another shape. */
  public static Optional<ResourceId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = PATTERN.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ResourceId(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
        text.contains("/resourcegroups/")));
  }

  /** The case-insensitive identity of this resource. */
  public String key() {
    return ("/subscriptions/" + subscriptionId + "/resourcegroups/" + resourceGroup + "/providers/" + namespace + "/"
        + type + "/" + name).toLowerCase(Locale.ROOT);
  }

  /** The resource type as ARM names it in bodies, e.g. {@code Microsoft.Compute/virtualMachines}. */
  public String fullType() {
    return namespace + "/" + type;
  }

  public String resourceGroupScope() {
    return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
  }

  public boolean sameAs(ResourceId other) {
    return key().equals(other.key());
  }

  @Override
  public String toString() {
    return "/subscriptions/" + subscriptionId + (lowerCaseGroupSegment ? "/resourcegroups/" : "/resourceGroups/")
        + resourceGroup + "/providers/" + namespace + "/" + type + "/" + name;
  }
}
