package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.World;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The resources Azure AD can issue tokens for: Microsoft first-party APIs (v1 tokens, {@code aud} as requested) and
 * app registrations of the world (matched on identifier URIs or app id, token version from the registration).
 */
public final class ResourceCatalog {
  private static final List<String> FIRST_PARTY = List.of(
      "https://management.core.windows.net", "https://management.azure.com", "https://storage.azure.com",
      "https://vault.azure.net", "https://graph.microsoft.com", "https://graph.windows.net",
      "https://database.windows.net", "https://servicebus.azure.net", "https://eventhubs.azure.net",
      "https://cosmos.azure.com", "https://ossrdbms-aad.database.windows.net", "https://monitor.azure.com",
      "https://management.core.chinacloudapi.cn", "https://management.core.usgovcloudapi.net");
  private static final Pattern STORAGE_ACCOUNT = Pattern.compile(
      "https://[a-z0-9]+\\.(blob|queue|table|file|dfs)\\.core\\.windows\\.net", Pattern.CASE_INSENSITIVE);

  private final World world;

  public ResourceCatalog(World world) {
    this.world = world;
  }

  /** The audience for a v1 {@code resource} parameter or the resource part of a v2 {@code .default} scope. */
  public Optional<TokenAudience> resolve(String resource, String tenantId) {
    if (resource == null || resource.isBlank()) {
      return Optional.empty();
    }
    String normalized = trimSlash(resource).toLowerCase(Locale.ROOT);
    if (FIRST_PARTY.contains(normalized) || STORAGE_ACCOUNT.matcher(normalized).matches()) {
      return Optional.of(new TokenAudience(resource, resource, 1));
    }
    return world.directory().applications().stream()
        .filter(app -> app.tenantId().equalsIgnoreCase(tenantId) && names(app, normalized))
        .findFirst()
        .map(app -> new TokenAudience(app.accessTokenVersion() == 2 ? app.appId() : resource, resource,
            app.accessTokenVersion()));
  }

  private static boolean names(Application app, String normalized) {
    return app.appId().equalsIgnoreCase(normalized)
        || app.identifierUris().stream().anyMatch(u -> trimSlash(u).equalsIgnoreCase(normalized));
  }

  private static String trimSlash(String s) {
    String t = s;
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
