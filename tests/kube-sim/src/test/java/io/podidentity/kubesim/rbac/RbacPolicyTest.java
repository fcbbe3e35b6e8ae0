package io.podidentity.kubesim.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.kubesim.ApiAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacPolicyTest {
  private static final String MANIFESTS = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reader}
      rules:
      - apiGroups: [""]
        resources: ["pods", "nodes"]
        verbs: ["list", "watch"]
      - apiGroups: ["apps"]
        resources: ["deployments/*"]
        verbs: ["get"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: reader}
      subjects: [{kind: ServiceAccount, name: app, namespace: default}]
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: lease, namespace: default}
      rules:
      - apiGroups: ["coordination.k8s.io"]
        resources: ["leases"]
        resourceNames: ["mine"]
        verbs: ["get", "update"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: lease, namespace: default}
      subjects: [{kind: ServiceAccount, name: app, namespace: default}]
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: lease}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: other}
      subjects: [{kind: ServiceAccount, name: someone-else, namespace: default}]
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
      """;

  private final RbacPolicy policy = RbacPolicy.forServiceAccount(MANIFESTS, "app", "kube-system");

  private static ApiAccess access(String verb, String group, String resource, String sub, String ns, String name) {
    return new ApiAccess("agent", verb, group, resource, sub, ns, name);
  }

  @Test
  void clusterRolesApplyInEveryNamespaceAndRolesOnlyInTheProgramsNamespace() {
    assertThat(policy.allows(access("list", "", "pods", "", "", ""))).isTrue();
    assertThat(policy.allows(access("watch", "", "pods", "", "team-a", ""))).isTrue();
    assertThat(policy.allows(access("get", "coordination.k8s.io", "leases", "", "kube-system", "mine"))).isTrue();
    assertThat(policy.allows(access("get", "coordination.k8s.io", "leases", "", "default", "mine"))).isFalse();
  }

  @Test
  void refusesOtherVerbsResourcesGroupsSubresourcesAndNames() {
    assertThat(policy.denied(List.of(
        access("get", "", "pods", "", "a", "p"),
        access("list", "", "pods", "status", "a", ""),
        access("list", "extra", "pods", "", "", ""),
        access("get", "coordination.k8s.io", "leases", "", "kube-system", "theirs"),
        access("create", "coordination.k8s.io", "leases", "", "kube-system", "")))).hasSize(5);
  }

  @Test
  void aSubresourceWildcardCoversSubresourcesButNotTheObject() {
    assertThat(policy.allows(access("get", "apps", "deployments", "scale", "a", "d"))).isTrue();
    assertThat(policy.allows(access("get", "apps", "deployments", "", "a", "d"))).isFalse();
  }

  @Test
  void reportsGrantsNoAccessUsed() {
    List<Grant> unused = policy.unused(List.of(access("list", "", "pods", "", "", ""),
        access("get", "coordination.k8s.io", "leases", "", "kube-system", "mine")));
    assertThat(unused).extracting(Grant::toString).containsExactlyInAnyOrder(
        "ClusterRole/reader rule 0: watch pods",
        "ClusterRole/reader rule 0: list nodes",
        "ClusterRole/reader rule 0: watch nodes",
        "ClusterRole/reader rule 1: get apps/deployments/*",
        "Role/lease rule 0: update coordination.k8s.io/leases [mine] in kube-system");
  }

  @Test
  void grantsOfOtherServiceAccountsAreNotCounted() {
    assertThat(policy.grants()).noneMatch(g -> g.source().contains("admin"));
    assertThat(policy.grants()).hasSize(7);
  }
}
