package io.podidentity.azuresim;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.tls.TrustMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what clients of a standalone simulator need into one directory: {@code ca.pem} (PEM bundle),
 * {@code truststore.p12} (PKCS#12 with password), {@code endpoints.env} (shell-sourceable) and
 * {@code endpoints.json}. The env file names each machine's IMDS {@code IMDS_URL_<NAME>} where NAME is the VM name, or
 * scale set name and instance id, upper-cased with other characters turned into underscores.
 */
public final class ClientFiles {
  private ClientFiles() {}

  /** Writes the files and returns the variables written to {@code endpoints.env}, in order. */
  public static Map<String, String> write(Path dir, Endpoints endpoints, TrustMaterial trust) {
    try {
      Files.createDirectories(dir);
      Path ca = dir.resolve("ca.pem").toAbsolutePath();
      Path store = dir.resolve("truststore.p12").toAbsolutePath();
      trust.writeCaBundle(ca);
      trust.writeTrustStore(store);
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("ARM_URL", endpoints.arm().toString());
      vars.put("AAD_URL", endpoints.aad().toString());
      vars.put("ADMIN_URL", endpoints.admin().toString());
      vars.put("TRUST_STORE", store.toString());
      vars.put("TRUST_STORE_PASSWORD", trust.trustStorePassword());
      vars.put("CA_BUNDLE", ca.toString());
      endpoints.imds().forEach((id, url) -> vars.put("IMDS_URL_" + envName(id), url.toString()));
      StringBuilder env = new StringBuilder();
      vars.forEach((k, v) -> env.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
      Files.writeString(dir.resolve("endpoints.env"), env.toString(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("endpoints.json"), Json.write(json(vars, endpoints)) + "\n",
          StandardCharsets.UTF_8);
      return vars;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write client files to " + dir, e);
    }
  }

  private static JsonObject json(Map<String, String> vars, Endpoints endpoints) {
    JsonObject root = new JsonObject();
    vars.forEach((k, v) -> {
      if (!k.startsWith("IMDS_URL_")) {
        root.addProperty(k, v);
      }
    });
    Map<String, String> imds = new LinkedHashMap<>();
    endpoints.imds().forEach((id, url) -> imds.put(id, url.toString()));
    root.add("IMDS_URLS", Json.element(imds));
    return root;
  }

  /** {@code vm1} for a VM, {@code NODES_0} for instance 0 of scale set {@code nodes}. */
  static String envName(String armId) {
    String[] parts = armId.split("/");
    String name = armId.toLowerCase(Locale.ROOT).contains("/virtualmachinescalesets/") && parts.length >= 2
        && armId.toLowerCase(Locale.ROOT).matches(".*/virtualmachines/[^/]+$")
        ? parts[parts.length - 3] + "_" + parts[parts.length - 1] : parts[parts.length - 1];
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
