package io.podidentity.nmi.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;

/** The request headers NMI reads, looked up case-insensitively as Go's {@code Header.Get} does. */
final class Headers {
  static final HeaderName METADATA = HeaderNames.create("Metadata");
  static final HeaderName POD_NAMESPACE = HeaderNames.create("podns");
  static final HeaderName POD_NAME = HeaderNames.create("podname");

  private Headers() {}
}
