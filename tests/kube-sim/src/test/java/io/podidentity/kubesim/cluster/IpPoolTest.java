package io.podidentity.kubesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpPoolTest {
  @Test
  void handsOutHostAddressesLowestFirstAndReusesReleasedOnes() {
    IpPool pool = new IpPool("127.0.10.0/30");
    assertThat(pool.allocate()).isEqualTo("127.0.10.1");
    assertThat(pool.allocate()).isEqualTo("127.0.10.2");
    assertThat(pool.allocate()).as("network and broadcast are never handed out").isNull();
    pool.release("127.0.10.1");
    assertThat(pool.allocate()).isEqualTo("127.0.10.1");
  }

  @Test
  void reservedAddressesAreSkipped() {
    IpPool pool = new IpPool("127.0.10.0/24");
    pool.reserve("127.0.10.1");
    assertThat(pool.allocate()).isEqualTo("127.0.10.2");
  }
}
