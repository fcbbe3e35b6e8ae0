package io.podidentity.kubesim.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.Registry;
import java.util.List;

/**
 * The {@code pods/binding} subresource a scheduler posts: it sets spec.nodeName (which no update may change)
 * and the PodScheduled condition, once.
 */
final class PodBinding {
  private PodBinding() {}

  static JsonObject bind(Registry registry, ApiResource pods, String namespace, String name, JsonObject binding) {
    String bindingName = Meta.name(binding);
    if (!bindingName.isEmpty() && !bindingName.equals(name)) {
      throw ApiException.badRequest("name in URL does not match name in Binding object");
    }
    String node = JsonTree.text(binding, "target", "name");
    if (node.isEmpty()) {
      throw ApiException.invalid("", "Binding", name, List.of(FieldError.required("target.name", "")));
    }
    String now = Timestamps.seconds(registry.context().clock().instant());
    registry.context().store().write(tx -> {
      JsonObject pod = tx.get(pods.bucket(), namespace, name);
      if (pod == null) {
        throw ApiException.notFound(pods.type(), name);
      }
      String assigned = JsonTree.text(pod, "spec", "nodeName");
      if (!assigned.isEmpty()) {
        throw ApiException.conflict("", "pods/binding", name, "pod " + name + " is already assigned to node \"" + assigned + "\"");
      }
      JsonObject bound = pod.deepCopy();
      JsonTree.child(bound, "spec").addProperty("nodeName", node);
      JsonObject condition = new JsonObject();
      condition.addProperty("type", "PodScheduled");
      condition.addProperty("status", "True");
      condition.addProperty("lastProbeTime", (String) null);
      condition.addProperty("lastTransitionTime", now);
      JsonArray conditions = new JsonArray();
      conditions.add(condition);
      JsonTree.child(bound, "status").add("conditions", conditions);
      return tx.put(pods.bucket(), bound);
    });
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Success");
    status.addProperty("code", 201);
    return status;
  }
}
