package io.podidentity.kubesim;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;

/** Objects the tests create: pods, nodes, and a CRD shaped like the project's AzureIdentity. */
final class Fixtures {
  static final String GROUP = "aadpodidentity.k8s.io";
  static final String IDENTITIES = "/apis/aadpodidentity.k8s.io/v1/namespaces/default/azureidentities";

  private Fixtures() {}

  static String pod(String name, String labelValue) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"%s"}},
         "spec":{"containers":[{"name":"c","image":"busybox:1.36"}]}}""".formatted(name, labelValue);
  }

  static String node(String name) {
    return """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s"}}""".formatted(name);
  }

  static String identity(String name, Object type) {
    return """
        {"apiVersion":"aadpodidentity.k8s.io/v1","kind":"AzureIdentity","metadata":{"name":"%s"},
         "spec":{"type":%s,"resourceID":"/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%s",
         "clientID":"00000000-0000-0000-0000-000000000001"}}""".formatted(name, type, name);
  }

  /**
   * A CRD of the AzureIdentity's shape (group, names, typed spec, printer columns) with a status subresource and
   * a defaulted field, so that the tests do not depend on the project's manifests.
   */
  static final String IDENTITY_CRD = """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"azureidentities.aadpodidentity.k8s.io","annotations":{"api-approved.kubernetes.io":"unapproved, test"}},
       "spec":{"group":"aadpodidentity.k8s.io","scope":"Namespaced",
        "names":{"kind":"AzureIdentity","listKind":"AzureIdentityList","plural":"azureidentities","singular":"azureidentity"},
        "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
          "additionalPrinterColumns":[{"name":"Type","type":"string","jsonPath":".spec.type"},
            {"name":"ClientID","type":"string","jsonPath":".spec.clientID"},
            {"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}],
          "schema":{"openAPIV3Schema":{"type":"object","properties":{
            "spec":{"type":"object","required":["clientID"],"properties":{
              "type":{"type":"integer","enum":[0,1,2]},
              "resourceID":{"type":"string"},
              "clientID":{"type":"string","maxLength":36},
              "adEndpoint":{"type":"string","default":"https://login.microsoftonline.com/"},
              "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
              "auxiliaryTenantIDs":{"type":"array","nullable":true,"items":{"type":"string"}}}},
            "status":{"type":"object","properties":{"availableReplicas":{"type":"integer"}}}}}}}]}}""";

  /** Waits until the controllers' start-up writes (the default ServiceAccounts) are done. */
  static void awaitSettled(KubeSimulator sim) {
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.list("v1", "serviceaccounts", null).size() >= 4);
  }

  /** Creates the test CRD through the API and waits until its resources are served. */
  static void installIdentityCrd(KubeSimulator sim) {
    awaitSettled(sim);
    SimHttp http = new SimHttp(sim);
    SimHttp.Reply r = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", IDENTITY_CRD);
    if (r.code() != 201) {
      throw new IllegalStateException("CRD not created: " + r.text());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> established(sim) && http.get(IDENTITIES).code() == 200);
  }

  private static boolean established(KubeSimulator sim) {
    JsonObject crd = sim.get("apiextensions.k8s.io/v1", "customresourcedefinitions", null, "azureidentities." + GROUP);
    JsonElement conditions = crd == null ? null : crd.getAsJsonObject("status").get("conditions");
    if (conditions == null) {
      return false;
    }
    for (JsonElement c : conditions.getAsJsonArray()) {
      JsonObject o = c.getAsJsonObject();
      if (o.get("type").getAsString().equals("Established") && o.get("status").getAsString().equals("True")) {
        return true;
      }
    }
    return false;
  }
}
