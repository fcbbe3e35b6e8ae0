package io.podidentity.mic.kubernetes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.podidentity.common.crd.CrdKind;
import io.podidentity.common.crd.LegacyFieldReader;
import io.podidentity.common.crd.LegacyRead;
import io.podidentity.common.model.Mapped;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One kind's part of the type upgrade: list the raw objects, read them with v1 names whatever the letter case, and
 * write back those that change. Assigned identities also get the upgraded copies of their identity and binding, so
 * their resourceVersions match and no needless update follows. An object that cannot be read is left alone.
 */
final class LegacyObjects {
  private static final Logger LOG = Logger.getLogger(LegacyObjects.class.getName());

  private final CrdKind kind;
  private final DynamicKubernetesApi api;

  LegacyObjects(ApiClient client, CrdKind kind) {
    this.kind = kind;
    this.api = TypeUpgrade.api(client, kind);
  }

  /** Upgrades every object of the kind; records each one's canonical form by kind and namespace/name. */
  void upgradeAll(Map<String, JsonObject> upgraded) {
    for (DynamicKubernetesObject object : list()) {
      canonical(object).ifPresent(read -> {
        JsonObject json = tree(read.object());
        if (read.changed()) {
          LOG.info(() -> "upgrade " + kind.kind() + " " + TypeUpgrade.key(object) + ": " + read.renamedFields());
          json = write(json);
        }
        upgraded.put(kind.kind() + " " + TypeUpgrade.key(object), json);
      });
    }
  }

  /** Upgrades every assigned identity and embeds the upgraded identity and binding. */
  void upgradeAssigned(Map<String, JsonObject> upgraded) {
    for (DynamicKubernetesObject object : list()) {
      canonical(object).ifPresent(read -> {
        JsonObject json = tree(read.object());
        JsonObject spec = json.getAsJsonObject("spec");
        boolean replaced = spec != null && (embed(spec, "azureIdentityRef", CrdKind.AZURE_IDENTITY, upgraded)
            | embed(spec, "azureBindingRef", CrdKind.AZURE_IDENTITY_BINDING, upgraded));
        if (read.changed() || replaced) {
          LOG.info(() -> "upgrade AzureAssignedIdentity " + TypeUpgrade.key(object));
          write(json);
        }
      });
    }
  }

  private java.util.List<DynamicKubernetesObject> list() {
    KubernetesApiResponse<DynamicKubernetesListObject> response = api.list();
    TypeUpgrade.check(response, "list " + kind.plural());
    return response.getObject().getItems();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private java.util.Optional<LegacyRead<?>> canonical(DynamicKubernetesObject object) {
    Mapped<LegacyRead<?>> read = (Mapped) LegacyFieldReader.read(object.getRaw(), (Class) kind.objectClass());
    return switch (read) {
      case Mapped.Valid<LegacyRead<?>>(LegacyRead<?> value) -> java.util.Optional.of(value);
      case Mapped.Rejected<LegacyRead<?>>(String reason) -> {
        LOG.warning(() -> "skip " + reason);
        yield java.util.Optional.empty();
      }
    };
  }

  private static boolean embed(JsonObject spec, String field, CrdKind embeddedKind, Map<String, JsonObject> upgraded) {
    JsonElement embedded = spec.get(field);
    if (!(embedded instanceof JsonObject copy) || !(copy.get("metadata") instanceof JsonObject meta)) {
      return false;
    }
    JsonObject fresh = upgraded.get(embeddedKind.kind() + " " + text(meta, "namespace") + "/" + text(meta, "name"));
    if (fresh == null || fresh.equals(copy)) {
      return false;
    }
    spec.add(field, fresh.deepCopy());
    return true;
  }

  private JsonObject write(JsonObject json) {
    KubernetesApiResponse<DynamicKubernetesObject> response = api.update(new DynamicKubernetesObject(json));
    TypeUpgrade.check(response, "update " + kind.kind());
    return response.getObject().getRaw();
  }

  private static JsonObject tree(Object object) {
    return JSON.getGson().toJsonTree(object).getAsJsonObject();
  }

  private static String text(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }
}
