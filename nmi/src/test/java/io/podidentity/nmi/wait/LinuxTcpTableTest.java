package io.podidentity.nmi.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinuxTcpTableTest {
  @Test
  void readsIpv4RowsInTheKernelsByteOrder() {
    var entry = LinuxTcpTable.parse("   3: 0100007F:0A1B 050A007F:C350 08 00000000:00000000 00:00000000 00000000     "
        + "0        0 12345 1 0000000000000000 20 4 0 10 -1").orElseThrow();
    assertThat(entry.getKey()).isEqualTo(new ClientConnection(new InetSocketAddress("127.0.0.1", 0x0A1B),
        new InetSocketAddress("127.0.10.5", 0xC350)));
    assertThat(entry.getValue()).isEqualTo("08");
  }

  @Test
  void readsIpv6Rows() {
    Map.Entry<ClientConnection, String> entry = LinuxTcpTable.parse("  0: 00000000000000000000000001000000:0A1B "
        + "00000000000000000000000001000000:D431 01 00000000:00000000 00:00000000 00000000 0 0 1 1 0 20 4 30 10 -1")
        .orElseThrow();
    assertThat(entry.getKey().remote()).isEqualTo(new InetSocketAddress("::1", 0xD431));
    assertThat(entry.getValue()).isEqualTo("01");
  }

  @Test
  void skipsTheHeader() {
    assertThat(LinuxTcpTable.parse("  sl  local_address rem_address   st tx_queue rx_queue")).isEmpty();
  }
}
