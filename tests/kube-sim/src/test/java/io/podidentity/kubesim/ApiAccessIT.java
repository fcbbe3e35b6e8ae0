package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every served request is remembered as an authorizer sees it: agent, verb, group, resource, namespace, name. */
class ApiAccessIT {
  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.withIdentityCrd();

  @Test
  void recordsVerbGroupResourceSubresourceNamespaceAndName() {
    SIM.sim().requests().reset();
    SIM.http().post("/api/v1/namespaces/default/pods", Fixtures.pod("p", "a"));
    SIM.http().get("/api/v1/namespaces/default/pods/p");
    SIM.http().get("/api/v1/pods");
    SIM.http().get("/api/v1/namespaces/default/pods/p/status");
    SIM.http().get(Fixtures.IDENTITIES + "?watch=true&timeoutSeconds=1");

    assertThat(SIM.sim().requests().accesses())
        .extracting(a -> a.verb() + " " + a.group() + " " + a.rbacResource() + " " + a.namespace() + " " + a.name())
        .containsExactlyInAnyOrder(
            "create  pods default ",
            "get  pods default p",
            "list  pods  ",
            "get  pods/status default p",
            "watch " + Fixtures.GROUP + " azureidentities default ");
    assertThat(SIM.sim().requests().accesses()).allMatch(a -> a.userAgent().startsWith("Java-http-client"));
    assertThat(SIM.sim().requests().count("get", "pods/status")).isEqualTo(1);
    assertThat(SIM.sim().requests().count("watch", "azureidentities." + Fixtures.GROUP)).isEqualTo(1);
  }
}
