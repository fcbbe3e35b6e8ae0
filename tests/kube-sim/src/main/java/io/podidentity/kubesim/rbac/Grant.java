package io.podidentity.kubesim.rbac;

import io.podidentity.kubesim.ApiAccess;
import java.util.Set;

/**
 * The smallest piece of an RBAC rule: one verb on one resource of one API group, optionally limited to object
 * names, in one namespace (empty for a ClusterRole, which applies everywhere). Matching follows the apiserver's
 * RBAC authorizer: {@code *} matches anything, {@code resource/*} any subresource, and a rule with resourceNames
 * never allows a request that names no object (a create or a list).
 *
 * @param source the role and rule index, for messages
 */
public record Grant(String source, String namespace, String group, String resource, String verb,
    Set<String> resourceNames) {

  public Grant {
    resourceNames = Set.copyOf(resourceNames);
  }

  /** Whether this grant alone allows the access. */
  public boolean allows(ApiAccess access) {
    return (namespace.isEmpty() || namespace.equals(access.namespace()))
        && (group.equals("*") || group.equals(access.group()))
        && (verb.equals("*") || verb.equals(access.verb()))
        && resourceMatches(access)
        && (resourceNames.isEmpty() || (!access.name().isEmpty() && resourceNames.contains(access.name())));
  }

  private boolean resourceMatches(ApiAccess access) {
    String wanted = access.rbacResource();
    return resource.equals("*") || resource.equals(wanted)
        || (resource.endsWith("/*") && !access.subresource().isEmpty()
            && resource.substring(0, resource.length() - 2).equals(access.resource()));
  }

  @Override
  public String toString() {
    return source + ": " + verb + " " + (group.isEmpty() ? "" : group + "/") + resource
        + (resourceNames.isEmpty() ? "" : " " + resourceNames) + (namespace.isEmpty() ? "" : " in " + namespace);
  }
}
