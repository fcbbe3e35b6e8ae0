package io.podidentity.mic.kubernetes;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.podidentity.common.crd.CrdKind;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.mic.config.MicSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The once-only v1.6.0 field-name upgrade (§1.6), run on becoming leader before the informers start: unless the
 * ConfigMap says it ran, every identity, binding and exception written with pre-v1.6 field names is written back
 * with the v1 names, then every assigned identity gets the upgraded copies, and the ConfigMap records the version.
 * An API failure stops MIC, as in the original.
 */
public final class TypeUpgrade {
  private static final Logger LOG = Logger.getLogger(TypeUpgrade.class.getName());

  private final ApiClient client;
  private final CoreV1Api core;
  private final MicSettings.TypeUpgradeSettings settings;
  private final String namespace;
  private final String version;

  public TypeUpgrade(ApiClient client, MicSettings.TypeUpgradeSettings settings, String namespace, String version) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.settings = settings;
    this.namespace = namespace;
    this.version = version;
  }

  /** Runs the upgrade unless disabled or already recorded; throws {@link IllegalStateException} on API failures. */
  public void runIfNeeded() {
    if (!settings.enabled()) {
      return;
    }
    try {
      V1ConfigMap map = readOrCreate();
      String done = map.getData() == null ? null : map.getData().get(settings.statusKey());
      if (done != null) {
        LOG.info(() -> "skip type upgrade: status found from version " + done);
        return;
      }
      LOG.info("upgrade the types to work with case sensitive field names");
      Map<String, JsonObject> upgraded = new HashMap<>();
      for (CrdKind kind : List.of(CrdKind.AZURE_IDENTITY, CrdKind.AZURE_IDENTITY_BINDING,
          CrdKind.AZURE_POD_IDENTITY_EXCEPTION)) {
        new LegacyObjects(client, kind).upgradeAll(upgraded);
      }
      new LegacyObjects(client, CrdKind.AZURE_ASSIGNED_IDENTITY).upgradeAssigned(upgraded);
      map.putDataItem(settings.statusKey(), version);
      core.replaceNamespacedConfigMap(settings.configMapName(), namespace, map).execute();
      LOG.info("complete type upgrade");
    } catch (ApiException e) {
      throw new IllegalStateException("type upgrade failed: " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }

  private V1ConfigMap readOrCreate() throws ApiException {
    try {
      return core.readNamespacedConfigMap(settings.configMapName(), namespace).execute();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      V1ConfigMap fresh = new V1ConfigMap().apiVersion("v1").kind("ConfigMap")
          .metadata(new V1ObjectMeta().name(settings.configMapName()).namespace(namespace));
      return core.createNamespacedConfigMap(namespace, fresh).execute();
    }
  }

  static DynamicKubernetesApi api(ApiClient client, CrdKind kind) {
    return new DynamicKubernetesApi(CrdNames.GROUP, CrdNames.VERSION, kind.plural(), client);
  }

  static void check(KubernetesApiResponse<?> response, String what) {
    if (!response.isSuccess()) {
      throw new IllegalStateException("type upgrade failed to " + what + ": " + response.getHttpStatusCode() + " "
          + (response.getStatus() == null ? "" : response.getStatus().getMessage()));
    }
  }

  static String key(DynamicKubernetesObject object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }
}
