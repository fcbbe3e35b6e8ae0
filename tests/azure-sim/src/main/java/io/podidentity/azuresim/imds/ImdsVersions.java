package io.podidentity.azuresim.imds;

import java.util.List;

/** The api-versions IMDS documents as supported; the identity category exists since 2018-02-01. */
public final class ImdsVersions {
  public static final List<String> ALL = List.of("2017-03-01", "2017-04-02", "2017-08-01", "2017-10-01",
      "2017-12-01", "2018-02-01", "2018-04-02", "2018-10-01", "2019-02-01", "2019-03-11", "2019-04-30", "2019-06-01",
      "2019-06-04", "2019-08-01", "2019-08-15", "2019-11-01", "2020-06-01", "2020-07-15", "2020-09-01", "2020-10-01",
      "2020-12-01", "2021-01-01", "2021-02-01", "2021-03-01", "2021-05-01", "2021-08-01", "2021-10-01", "2021-11-01",
      "2021-11-15", "2021-12-13", "2023-07-01", "2023-11-15", "2024-03-15", "2024-07-17", "2025-04-07");

  /** The three newest, which IMDS lists in its api-version error. */
  public static final List<String> NEWEST = List.of("2025-04-07", "2024-07-17", "2024-03-15");

  private ImdsVersions() {}

  public static boolean supportsInstance(String version) {
    return ALL.contains(version);
  }

  public static boolean supportsIdentity(String version) {
    return ALL.contains(version) && version.compareTo("2018-02-01") >= 0;
  }
}
