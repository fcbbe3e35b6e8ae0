package io.podidentity.kubesim.rbac;

import io.podidentity.kubesim.ApiAccess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The rights one service account gets from a set of RBAC manifests: the rules of every ClusterRole and Role that a
 * ClusterRoleBinding or RoleBinding gives it, split into {@link Grant}s. Tests use it to show both directions of
 * least privilege: every request a program made is allowed, and every grant was used by some request.
 */
public final class RbacPolicy {
  private final List<Grant> grants;

  private RbacPolicy(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /**
   * The rights of {@code serviceAccount} in {@code manifests} (multi-document YAML). A namespaced Role and its
   * binding are taken to live in {@code namespace}, where the program runs, whatever namespace the files name,
   * since kustomize overlays move them.
   */
  public static RbacPolicy forServiceAccount(String manifests, String serviceAccount, String namespace) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(manifests)) {
      if (doc instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        docs.add(object);
      }
    }
    List<Grant> grants = new ArrayList<>();
    for (Map<String, Object> binding : docs) {
      String kind = String.valueOf(binding.get("kind"));
      if ((!kind.equals("ClusterRoleBinding") && !kind.equals("RoleBinding")) || !bindsTo(binding, serviceAccount)) {
        continue;
      }
      Map<String, Object> roleRef = map(binding.get("roleRef"));
      String roleKind = String.valueOf(roleRef.get("kind"));
      String roleName = String.valueOf(roleRef.get("name"));
      String scope = kind.equals("RoleBinding") ? namespace : "";
      for (Map<String, Object> role : docs) {
        if (roleKind.equals(role.get("kind")) && roleName.equals(map(role.get("metadata")).get("name"))) {
          grants.addAll(grants(roleKind + "/" + roleName, role, scope));
        }
      }
    }
    return new RbacPolicy(grants);
  }

  private static boolean bindsTo(Map<String, Object> binding, String serviceAccount) {
    return list(binding.get("subjects")).stream().map(RbacPolicy::map)
        .anyMatch(s -> "ServiceAccount".equals(s.get("kind")) && serviceAccount.equals(s.get("name")));
  }

  private static List<Grant> grants(String source, Map<String, Object> role, String namespace) {
    List<Grant> out = new ArrayList<>();
    List<Object> rules = list(role.get("rules"));
    for (int i = 0; i < rules.size(); i++) {
      Map<String, Object> rule = map(rules.get(i));
      Set<String> names = new LinkedHashSet<>(strings(rule.get("resourceNames")));
      for (String group : strings(rule.get("apiGroups"))) {
        for (String resource : strings(rule.get("resources"))) {
          for (String verb : strings(rule.get("verbs"))) {
            out.add(new Grant(source + " rule " + i, namespace, group, resource, verb, names));
          }
        }
      }
    }
    return out;
  }

  public List<Grant> grants() {
    return grants;
  }

  /** Whether some grant allows the access. */
  public boolean allows(ApiAccess access) {
    return grants.stream().anyMatch(g -> g.allows(access));
  }

  /** The accesses no grant allows. */
  public List<ApiAccess> denied(Collection<ApiAccess> accesses) {
    return accesses.stream().filter(a -> !allows(a)).toList();
  }

  /** The grants that allowed none of the accesses: rights the program has but did not use. */
  public List<Grant> unused(Collection<ApiAccess> accesses) {
    return grants.stream().filter(g -> accesses.stream().noneMatch(g::allows)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  private static List<String> strings(Object o) {
    return list(o).stream().map(String::valueOf).toList();
  }
}
