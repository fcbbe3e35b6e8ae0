package io.podidentity.azuresim.arm;

import java.util.List;

/**
 * The api-versions each simulated resource provider registers (stable versions of the azure-rest-api-specs folders).
 * The current SDKs send 2025-04-01 (Compute), 2024-11-30 (Managed Identity) and 2022-04-01 (Authorization); the
 * original aad-pod-identity sent Compute 2019-12-01.
 */
public enum ApiFamily {
  COMPUTE(List.of("2015-05-01-preview", "2015-06-15", "2016-03-30", "2016-04-30-preview", "2016-08-30", "2017-03-30",
      "2017-12-01", "2018-04-01", "2018-06-01", "2018-10-01", "2019-03-01", "2019-07-01", "2019-12-01", "2020-06-01",
      "2020-12-01", "2021-03-01", "2021-04-01", "2021-07-01", "2021-11-01", "2022-03-01", "2022-08-01", "2022-11-01",
      "2023-03-01", "2023-07-01", "2023-09-01", "2024-03-01", "2024-07-01", "2024-11-01", "2025-04-01")),
  MANAGED_IDENTITY(List.of("2015-08-31-preview", "2018-11-30", "2021-09-30-preview", "2022-01-31-preview",
      "2023-01-31", "2023-07-31-preview", "2024-11-30")),
  AUTHORIZATION(List.of("2014-04-01-preview", "2015-06-01", "2015-07-01", "2018-01-01-preview",
      "2018-09-01-preview", "2020-04-01-preview", "2022-04-01"));

  private final List<String> versions;

  ApiFamily(List<String> versions) {
    this.versions = versions;
  }

  public List<String> versions() {
    return versions;
  }

  public boolean supports(String version) {
    return versions.contains(version);
  }
}
