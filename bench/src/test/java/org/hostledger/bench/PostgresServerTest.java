package org.hostledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code --store=postgres} against a server that is not there says so, and how to start one, instead of a trace. */
class PostgresServerTest {

    @Test
    void aServerThatIsNotThereIsNamedWithHowToStartOne() throws Exception {
        int port = closedPort();
        PostgresServer server =
                new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/hostledger", "someone", "x");

        assertThatThrownBy(() -> server.createSchema("hostledger_bench_test"))
                .isInstanceOf(PostgresServer.Unreachable.class)
                .hasMessageContaining("cannot use PostgreSQL at jdbc:postgresql://127.0.0.1:" + port)
                .hasMessageContaining("as someone")
                .hasMessageContaining(".ci/postgres start")
                .hasMessageContaining("--pg-url=");
    }

    @Test
    void theUrlIsShownWithoutItsParametersWhichMayHoldAPassword() throws Exception {
        int port = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/hostledger";
        PostgresServer server = new PostgresServer(url + "?password=secret-in-url", "someone", "x");

        assertThatThrownBy(server::connect)
                .isInstanceOf(PostgresServer.Unreachable.class)
                .hasMessageContaining(url + "?…")
                .hasMessageNotContaining("secret-in-url");
    }

    @Test
    void theOptionsReplaceTheDefaultsOneByOne() {
        PostgresServer server = new PostgresServer("jdbc:postgresql://a/b", "u", "p")
                .with("--pg-url=jdbc:postgresql://c/d")
                .with("--pg-user=v");

        assertThat(server).isEqualTo(new PostgresServer("jdbc:postgresql://c/d", "v", "p"));
    }

    /** A loopback port nobody listens on (taken and released). */
    private static int closedPort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
