package io.podidentity.deploy;

import static io.podidentity.deploy.Manifest.object;
import static io.podidentity.deploy.Manifest.objects;
import static io.podidentity.deploy.Manifest.strings;
import static io.podidentity.deploy.Manifest.text;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RBAC objects that are well-formed and narrow: every rule names groups, resources and ordinary verbs, nothing is
 * a wildcard, no cluster-wide role reads Secrets or touches CRD definitions, and every binding refers to a role and
 * to service accounts that the same rendering creates.
 */
final class RbacRules {
  static final Set<String> VERBS = Set.of("get", "list", "watch", "create", "update", "patch", "delete");
  private static final Set<String> NEVER_CLUSTER_WIDE = Set.of("secrets", "customresourcedefinitions");

  private RbacRules() {}

  static List<String> role(Manifest role) {
    List<String> problems = new ArrayList<>();
    List<JsonObject> rules = objects(role.json(), "rules");
    if (rules.isEmpty()) {
      problems.add(role + ": no rules");
    }
    for (JsonObject rule : rules) {
      String where = role + " rule " + rule;
      if (rule.has("nonResourceURLs")) {
        problems.add(where + ": grants non-resource URLs");
      }
      for (String field : List.of("apiGroups", "resources", "verbs")) {
        List<String> values = strings(rule, field);
        if (values.isEmpty() || (!field.equals("apiGroups") && values.contains(""))) {
          problems.add(where + ": empty " + field);
        }
        if (values.contains("*")) {
          problems.add(where + ": wildcard in " + field);
        }
      }
      for (String verb : strings(rule, "verbs")) {
        if (!VERBS.contains(verb)) {
          problems.add(where + ": verb " + verb);
        }
      }
      if (role.kind().equals("ClusterRole")) {
        strings(rule, "resources").stream().filter(NEVER_CLUSTER_WIDE::contains)
            .forEach(r -> problems.add(where + ": cluster-wide access to " + r));
      }
    }
    return problems;
  }

  static List<String> binding(Manifest binding, Rendering rendering) {
    List<String> problems = new ArrayList<>();
    JsonObject roleRef = object(binding.json(), "roleRef");
    String roleKind = text(roleRef, "kind").orElse("");
    String roleName = text(roleRef, "name").orElse("");
    boolean roleFound = roleKind.equals("ClusterRole")
        ? rendering.find("ClusterRole", roleName).isPresent()
        : roleKind.equals("Role") && rendering.has("Role", binding.namespace().orElse(""), roleName);
    if (!roleFound || !text(roleRef, "apiGroup").orElse("").equals("rbac.authorization.k8s.io")) {
      problems.add(binding + ": refers to " + roleKind + " " + roleName + ", which is not rendered beside it");
    }
    if (binding.kind().equals("ClusterRoleBinding") && roleKind.equals("Role")) {
      problems.add(binding + ": a ClusterRoleBinding cannot refer to a Role");
    }
    List<JsonObject> subjects = objects(binding.json(), "subjects");
    if (subjects.isEmpty()) {
      problems.add(binding + ": no subjects");
    }
    for (JsonObject subject : subjects) {
      String name = text(subject, "name").orElse("");
      String namespace = text(subject, "namespace").orElse("");
      if (!text(subject, "kind").orElse("").equals("ServiceAccount")
          || !rendering.has("ServiceAccount", namespace, name)) {
        problems.add(binding + ": subject " + subject + " is not a service account of this rendering");
      }
    }
    return problems;
  }
}
