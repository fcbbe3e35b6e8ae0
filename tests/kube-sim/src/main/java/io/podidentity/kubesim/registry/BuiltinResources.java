package io.podidentity.kubesim.registry;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1Binding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest;
import io.kubernetes.client.openapi.models.V1TokenReview;
import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.api.ResourceType.Subresource;
import io.podidentity.kubesim.registry.kinds.CrdStrategy;
import io.podidentity.kubesim.registry.kinds.NamespaceStrategy;
import io.podidentity.kubesim.registry.kinds.NodeStrategy;
import io.podidentity.kubesim.registry.kinds.PlainStrategy;
import io.podidentity.kubesim.registry.kinds.PodStrategy;
import io.podidentity.kubesim.registry.kinds.SecretStrategy;
import io.podidentity.kubesim.schema.ModelSchemas;
import io.podidentity.kubesim.schema.ObjectSchema;
import io.podidentity.kubesim.select.SelectableFields;
import io.podidentity.kubesim.table.BuiltinPrinters;
import io.podidentity.kubesim.table.TablePrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in resources the simulator serves, with the names, verbs, short names, categories and subresources
 * discovery publishes for them in Kubernetes 1.32, and the schemas of their kinds.
 */
public final class BuiltinResources {
  private static final String CORE = "io.k8s.api.core.v1";
  private static final List<String> ALL = ResourceType.ALL_VERBS;
  private static final ModelSchemas MODELS = buildModels();

  private BuiltinResources() {}

  /** The generated-model schemas of every built-in kind (built once per JVM: reflection is slow). */
  public static ModelSchemas models() {
    return MODELS;
  }

  private static ModelSchemas buildModels() {
    ModelSchemas m = new ModelSchemas();
    m.addKind(V1Pod.class, CORE, "", "v1", "Pod");
    m.addKind(V1Node.class, CORE, "", "v1", "Node");
    m.addKind(V1Namespace.class, CORE, "", "v1", "Namespace");
    m.addKind(V1ConfigMap.class, CORE, "", "v1", "ConfigMap");
    m.addKind(V1Secret.class, CORE, "", "v1", "Secret");
    m.addKind(V1ServiceAccount.class, CORE, "", "v1", "ServiceAccount");
    m.addKind(CoreV1Event.class, CORE, "", "v1", "Event");
    m.addKind(V1Endpoints.class, CORE, "", "v1", "Endpoints");
    m.addKind(V1Binding.class, CORE, "", "v1", "Binding");
    m.addKind(V1Lease.class, "io.k8s.api.coordination.v1", "coordination.k8s.io", "v1", "Lease");
    m.addKind(EventsV1Event.class, "io.k8s.api.events.v1", "events.k8s.io", "v1", "Event");
    m.addKind(AuthenticationV1TokenRequest.class, "io.k8s.api.authentication.v1", "authentication.k8s.io", "v1", "TokenRequest");
    m.addKind(V1TokenReview.class, "io.k8s.api.authentication.v1", "authentication.k8s.io", "v1", "TokenReview");
    m.addKind(V1CustomResourceDefinition.class, "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1",
        "apiextensions.k8s.io", "v1", "CustomResourceDefinition");
    m.addKind(V1DeleteOptions.class, "io.k8s.apimachinery.pkg.apis.meta.v1", "", "v1", "DeleteOptions");
    m.addKind(V1Status.class, "io.k8s.apimachinery.pkg.apis.meta.v1", "", "v1", "Status");
    return m;
  }

  /** The resources; {@code gracefulPodDeletion} is on when a simulated kubelet confirms pod deletions. */
  public static List<ApiResource> all(boolean gracefulPodDeletion) {
    List<ApiResource> out = new ArrayList<>();
    out.add(core("pods", "pod", "Pod", true, ALL, List.of("po"), List.of("all"),
        List.of(status("Pod"), new Subresource("binding", "", "v1", "Binding", List.of("create"))),
        new PodStrategy(gracefulPodDeletion), BuiltinPrinters.pods()));
    out.add(core("nodes", "node", "Node", false, ALL, List.of("no"), List.of(), List.of(status("Node")),
        new NodeStrategy(), BuiltinPrinters.nodes()));
    out.add(core("namespaces", "namespace", "Namespace", false,
        List.of("create", "delete", "get", "list", "patch", "update", "watch"), List.of("ns"), List.of(),
        List.of(new Subresource("finalize", "", "v1", "Namespace", List.of("update")), status("Namespace")),
        new NamespaceStrategy(), BuiltinPrinters.namespaces()));
    out.add(core("configmaps", "configmap", "ConfigMap", true, ALL, List.of("cm"), List.of(), List.of(),
        PlainStrategy.standard(), BuiltinPrinters.configMaps()));
    out.add(core("secrets", "secret", "Secret", true, ALL, List.of(), List.of(), List.of(), new SecretStrategy(),
        BuiltinPrinters.secrets()));
    out.add(core("serviceaccounts", "serviceaccount", "ServiceAccount", true, ALL, List.of("sa"), List.of(),
        List.of(new Subresource("token", "authentication.k8s.io", "v1", "TokenRequest", List.of("create"))),
        new PlainStrategy(false, true, true, SelectableFields.metadataOnly()), BuiltinPrinters.serviceAccounts()));
    out.add(core("events", "event", "Event", true, ALL, List.of("ev"), List.of(), List.of(),
        new PlainStrategy(true, true, false, eventFields()), BuiltinPrinters.events()));
    out.add(core("endpoints", "endpoints", "Endpoints", true, ALL, List.of("ep"), List.of(), List.of(),
        new PlainStrategy(true, true, false, SelectableFields.metadataOnly()), BuiltinPrinters.endpoints()));
    out.add(resource(new ResourceType("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, ALL, List.of(),
        List.of(), List.of()), "coordination.k8s.io/leases", "io.k8s.api.coordination.v1.Lease",
        new PlainStrategy(true, false, false, SelectableFields.metadataOnly()), BuiltinPrinters.leases(), null));
    out.add(resource(new ResourceType("events.k8s.io", "v1", "events", "event", "Event", true, ALL, List.of("ev"),
        List.of(), List.of()), "events", "io.k8s.api.events.v1.Event",
        new PlainStrategy(true, true, false, eventFields()), BuiltinPrinters.events(), new EventsV1View()));
    out.add(resource(new ResourceType("apiextensions.k8s.io", "v1", "customresourcedefinitions",
        "customresourcedefinition", "CustomResourceDefinition", false, ALL, List.of("crd", "crds"),
        List.of("api-extensions"), List.of(new Subresource("status", "apiextensions.k8s.io", "v1",
        "CustomResourceDefinition", List.of("get", "patch", "update")))),
        "apiextensions.k8s.io/customresourcedefinitions",
        "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition", new CrdStrategy(),
        BuiltinPrinters.defaults(), null));
    out.add(resource(new ResourceType("authentication.k8s.io", "v1", "tokenreviews", "tokenreview", "TokenReview",
        false, List.of("create"), List.of(), List.of(), List.of()), "authentication.k8s.io/tokenreviews",
        "io.k8s.api.authentication.v1.TokenReview", PlainStrategy.standard(), BuiltinPrinters.defaults(), null));
    return out;
  }

  private static Subresource status(String kind) {
    return new Subresource("status", "", "v1", kind, List.of("get", "patch", "update"));
  }

  private static ApiResource core(String plural, String singular, String kind, boolean namespaced, List<String> verbs,
      List<String> shortNames, List<String> categories, List<Subresource> subresources, KindStrategy strategy,
      TablePrinter printer) {
    ResourceType type = new ResourceType("", "v1", plural, singular, kind, namespaced, verbs, shortNames, categories,
        subresources);
    return resource(type, plural, CORE + "." + kind, strategy, printer, null);
  }

  private static ApiResource resource(ResourceType type, String bucket, String component, KindStrategy strategy,
      TablePrinter printer, ObjectView view) {
    return new ApiResource(type, bucket, strategy, new ObjectSchema.Builtin(MODELS, component), printer,
        view == null ? ObjectView.apiVersion(type.apiVersion(), type.apiVersion()) : view);
  }

  private static SelectableFields eventFields() {
    Map<String, java.util.function.Function<com.google.gson.JsonObject, String>> f = new java.util.LinkedHashMap<>();
    for (String field : List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath")) {
      f.put("involvedObject." + field, SelectableFields.path("involvedObject." + field));
    }
    f.put("reason", SelectableFields.path("reason"));
    f.put("reportingComponent", SelectableFields.path("reportingComponent"));
    f.put("source", SelectableFields.path("source.component"));
    f.put("type", SelectableFields.path("type"));
    return SelectableFields.converted(true, f);
  }
}
