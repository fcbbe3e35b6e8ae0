package io.podidentity.kubesim;

/**
 * One kind of request the simulator served, as an RBAC authorizer sees it: who asked (the User-Agent, since the
 * simulator has one user), the verb, the API group, resource and subresource, and the namespace and object name
 * when the path has them. Tests compare these against Roles to show that a program's rights are the ones it uses.
 *
 * @param subresource empty for the object itself
 * @param namespace empty for cluster-scoped resources and for lists across all namespaces
 * @param name empty for collections and creates
 */
public record ApiAccess(String userAgent, String verb, String group, String resource, String subresource,
    String namespace, String name) {

  /** The resource as RBAC rules name it: {@code pods} or {@code pods/status}. */
  public String rbacResource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }
}
