package io.podidentity.nmi.decide;

import java.util.regex.Pattern;

/**
 * The original's routing table on the decoded path: the token prefix with {@code metadata} in any letter case, then
 * anything resembling the token path (refused), {@code /host/token}, the optional instance-metadata block, and the
 * pass-through. Stricter than the original in one place: {@code oauth2} and {@code token} are matched in any letter
 * case when looking for token-like paths, so {@code /metadata/identity/OAuth2/Token} is refused rather than forwarded
 * (only {@code identity} keeps its case, since IMDS itself rejects {@code /metadata/Identity/...}).
 */
public final class Router {
  private static final Pattern TOKEN_PREFIX = Pattern.compile("^/(?i:metadata)/identity/oauth2/token");
  private static final Pattern TOKEN_LIKE = Pattern.compile("/(?i:metadata)/identity(.*?)(?i:oauth2)(.*?)(?i:token)");
  private static final Pattern INSTANCE_PREFIX = Pattern.compile("^/(?i:metadata)/instance");
  private static final String HOST_TOKEN_PREFIX = "/host/token";

  private Router() {}

  public static Route route(RequestTarget target, boolean blockInstanceMetadata) {
    String path = target.path();
    if (TOKEN_PREFIX.matcher(path).find()) {
      return Route.TOKEN;
    }
    if (TOKEN_LIKE.matcher(path).find()) {
      return Route.INVALID_TOKEN_PATH;
    }
    if (path.startsWith(HOST_TOKEN_PREFIX)) {
      return Route.HOST_TOKEN;
    }
    if (blockInstanceMetadata && INSTANCE_PREFIX.matcher(path).find()) {
      return Route.INSTANCE_BLOCKED;
    }
    return Route.PROXY;
  }
}
