package io.podidentity.system.demo;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ManagedIdentityCredential;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The workloads' {@code --name value} arguments and their one HTTP client. {@code --bind ADDRESS} makes every
 * connection leave from that address: in the sandbox a pod is a loopback address, and NMI knows the caller by it.
 */
record WorkloadArgs(Map<String, String> values) {
  static WorkloadArgs parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.length) {
        values.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return new WorkloadArgs(Map.copyOf(values));
  }

  String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** azure-identity's ManagedIdentityCredential, for {@code --identity-client-id} when given, on this HTTP client. */
  ManagedIdentityCredential credential() {
    ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder().httpClient(httpClient());
    if (!value("identity-client-id", "").isEmpty()) {
      builder.clientId(value("identity-client-id", ""));
    }
    return builder.build();
  }

  HttpClient httpClient() {
    java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10));
    String bind = value("bind", "");
    if (!bind.isEmpty()) {
      try {
        jdk.localAddress(InetAddress.getByName(bind));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--bind " + bind, e);
      }
    }
    return new JdkHttpClientBuilder(jdk).build();
  }

  /** Who a token names (audience, app id, managed identity resource id), never the token itself. */
  static String claimsSummary(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return "{}";
    }
    JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]),
        StandardCharsets.UTF_8)).getAsJsonObject();
    JsonObject summary = new JsonObject();
    for (String name : new String[] {"aud", "appid", "xms_mirid"}) {
      if (claims.has(name)) {
        summary.add(name, claims.get(name));
      }
    }
    return summary.toString();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
