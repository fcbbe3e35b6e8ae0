package io.podidentity.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56", "9A1B2C3D-4E5F-4A6B-8C7D-0E1F2A3B4C5D"})
  void acceptsGuidsInAnyCaseAndKeepsTheText(String text) {
    assertThat(ClientId.parse(text)).isEqualTo(Mapped.valid(new ClientId(text)));
    assertThat(new ClientId(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a5",
        "8d3f7a215c6b4e9da1f03b7c2e9d4a56",
        "{8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56}",
        " 8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56",
        "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a5g",
        "my-client-secret-value"
      })
  void rejectsAnythingButAPlainGuidWithoutShowingTheWholeText(String text) {
    Mapped<ClientId> parsed = ClientId.parse(text);

    assertThat(parsed).isInstanceOf(Mapped.Rejected.class);
    String reason = ((Mapped.Rejected<ClientId>) parsed).reason();
    assertThat(reason).contains("is not a GUID").contains(Redaction.clientId(text));
    if (text.length() >= 8 && !text.startsWith(" ")) {
      assertThat(reason).doesNotContain(text);
    }
  }

  @Test
  void rejectsMissingText() {
    assertThat(ClientId.parse(null)).isEqualTo(Mapped.rejected("is missing"));
    assertThat(ClientId.parse("")).isEqualTo(Mapped.rejected("is missing"));
  }

  @Test
  void comparesIgnoringCaseAsTheOriginalDoes() {
    ClientId lower = new ClientId("9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d");
    ClientId upper = new ClientId("9A1B2C3D-4E5F-4A6B-8C7D-0E1F2A3B4C5D");

    assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper);
    assertThat(lower).isNotEqualTo(new ClientId("9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5e"));
  }

  @Test
  void printsRedacted() {
    assertThat(new ClientId("8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56"))
        .hasToString("8d3f##### REDACTED #####4a56");
  }

  @Test
  void constructorRefusesNonGuids() {
    assertThatThrownBy(() -> new ClientId("nope")).isInstanceOf(IllegalArgumentException.class);
  }
}
