package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LIST: selectors, pagination from a consistent snapshot, resourceVersion semantics and tables. */
class ListIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";

  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.plain();

  @BeforeAll
  static void seed() {
    for (int i = 0; i < 7; i++) {
      SIM.http().post(PODS, Fixtures.pod("p" + i, i % 2 == 0 ? "web" : "api"));
    }
    SIM.http().patch(PODS + "/p0", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}");
  }

  @Test
  void labelSelectorsSupportEqualitySetsAndExistence() {
    assertThat(names(PODS + "?labelSelector=app%3Dweb")).containsExactly("p0", "p2", "p4", "p6");
    assertThat(names(PODS + "?labelSelector=app%3D%3Dapi")).containsExactly("p1", "p3", "p5");
    assertThat(names(PODS + "?labelSelector=app!%3Dweb")).containsExactly("p1", "p3", "p5");
    assertThat(names(PODS + "?labelSelector=app%20in%20(api,web),tier")).containsExactly("p0");
    assertThat(names(PODS + "?labelSelector=app%20notin%20(web),!tier")).containsExactly("p1", "p3", "p5");
  }

  @Test
  void fieldSelectorsMatchMetadataAndPodFields() {
    assertThat(names(PODS + "?fieldSelector=metadata.name%3Dp3")).containsExactly("p3");
    assertThat(names(PODS + "?fieldSelector=status.phase%3DPending,metadata.name!%3Dp0")).hasSize(6);
    assertThat(names("/api/v1/pods?fieldSelector=metadata.namespace%3Dkube-system")).isEmpty();
    assertThat(names(PODS + "?fieldSelector=spec.nodeName%3D")).hasSize(7);
  }

  @Test
  void pagesComeFromTheFirstPagesSnapshot() {
    JsonObject first = SIM.http().get(PODS + "?limit=3").json();
    String token = first.getAsJsonObject("metadata").get("continue").getAsString();
    assertThat(first.getAsJsonObject("metadata").get("remainingItemCount").getAsLong()).isEqualTo(4);
    SIM.http().post(PODS, Fixtures.pod("p10", "web"));
    SIM.http().delete(PODS + "/p5");
    List<String> all = new ArrayList<>(names(first));
    while (token != null) {
      JsonObject page = SIM.http().get(PODS + "?limit=3&continue=" + token).json();
      all.addAll(names(page));
      JsonElement next = page.getAsJsonObject("metadata").get("continue");
      token = next == null ? null : next.getAsString();
      assertThat(page.getAsJsonObject("metadata").get("resourceVersion").getAsString())
          .isEqualTo(first.getAsJsonObject("metadata").get("resourceVersion").getAsString());
    }
    assertThat(all).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6");
    SIM.http().delete(PODS + "/p10");
    SIM.http().post(PODS, Fixtures.pod("p5", "api"));
  }

  @Test
  void exactResourceVersionListsThePastState() {
    String before = SIM.http().get(PODS).json().getAsJsonObject("metadata").get("resourceVersion").getAsString();
    SIM.http().post(PODS, Fixtures.pod("later", "web"));
    assertThat(names(PODS + "?resourceVersion=" + before + "&resourceVersionMatch=Exact")).doesNotContain("later");
    assertThat(names(PODS + "?resourceVersion=0")).contains("later");
    SIM.http().delete(PODS + "/later");
  }

  @Test
  void tablesCarryTheBuiltinColumnsAndRowsWithPartialMetadata() {
    assertThat(SIM.http().get(PODS).json().get("kind").getAsString()).isEqualTo("PodList");
    JsonObject asTable = SIM.http().table(PODS + "?labelSelector=app%3Dapi");
    assertThat(asTable.get("kind").getAsString()).isEqualTo("Table");
    List<String> columns = new ArrayList<>();
    asTable.getAsJsonArray("columnDefinitions").forEach(c -> columns.add(c.getAsJsonObject().get("name").getAsString()));
    assertThat(columns).containsExactly("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node",
        "Readiness Gates");
    JsonObject row = asTable.getAsJsonArray("rows").get(0).getAsJsonObject();
    assertThat(row.getAsJsonArray("cells").get(0).getAsString()).isEqualTo("p1");
    assertThat(row.getAsJsonArray("cells").get(1).getAsString()).isEqualTo("0/1");
    assertThat(row.getAsJsonArray("cells").get(2).getAsString()).isEqualTo("Pending");
    assertThat(row.getAsJsonObject("object").get("kind").getAsString()).isEqualTo("PartialObjectMetadata");
  }

  private static List<String> names(String path) {
    SimHttp.Reply reply = SIM.http().get(path);
    assertThat(reply.code()).as(reply.text()).isEqualTo(200);
    return names(reply.json());
  }

  private static List<String> names(JsonObject list) {
    List<String> out = new ArrayList<>();
    list.getAsJsonArray("items").forEach(i -> out.add(i.getAsJsonObject().getAsJsonObject("metadata").get("name").getAsString()));
    return out;
  }
}
