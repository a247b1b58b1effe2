package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness probe against a real HTTPS server (the JDK's) with a keytool certificate in the generated layout. */
class AgentServerCheckTest {

    @TempDir
    Path home;

    private HttpsServer server;
    private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private LauncherSettings settings;

    @BeforeEach
    void startServer() throws Exception {
        Path dir = home.resolve("data/agent-server");
        Path keyStore = TestKeyStores.create(dir.resolve("server.p12"), "server", "server-pw");
        Files.writeString(dir.resolve("server.p12.password"), "server-pw\n");
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(keyStore, "server-pw")));
        server.createContext("/admin/v1/agents", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seenAuthorization.set(authorization);
            int status = "Bearer right-token".equals(authorization) ? 200 : 401;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        settings = LauncherSettings.from(Map.of("ITERDEF_AGENT_PORT",
                Integer.toString(server.getAddress().getPort())), home.toString());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldBeReadyWhenServerAnswersWithPinnedCertificateAndAcceptsToken() {
        assertThat(new AgentServerCheck(settings.agent(), settings.dataDir(), "right-token").isReady()).isTrue();
        assertThat(seenAuthorization.get()).isEqualTo("Bearer right-token");
    }

    @Test
    void shouldNotBeReadyWhenTokenIsRefused() {
        assertThat(new AgentServerCheck(settings.agent(), settings.dataDir(), "wrong-token").isReady()).isFalse();
        assertThat(seenAuthorization.get()).isEqualTo("Bearer wrong-token");
    }

    @Test
    void shouldNotBeReadyWhenCertificateIsNotTheOneOfTheKeyStore() throws Exception {
        // the key store on disk now holds another certificate than the one the server presents
        Path dir = home.resolve("data/agent-server");
        Files.delete(dir.resolve("server.p12"));
        TestKeyStores.create(dir.resolve("server.p12"), "server", "server-pw");

        assertThat(new AgentServerCheck(settings.agent(), settings.dataDir(), "right-token").isReady()).isFalse();
        assertThat(seenAuthorization.get()).isNull();
    }

    @Test
    void shouldNotBeReadyWhenNothingListens() {
        server.stop(0);

        assertThat(new AgentServerCheck(settings.agent(), settings.dataDir(), "right-token").isReady()).isFalse();
    }

    private static SSLContext sslContext(Path keyStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
