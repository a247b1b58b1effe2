package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void shouldUseEmbeddedDefaultsWhenNothingIsSet() {
        StackConfig cfg = StackConfig.fromMap(Map.of());

        assertThat(cfg.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(cfg.kafkaExternal()).isFalse();
        assertThat(cfg.kafkaPort()).isEqualTo(9092);
        assertThat(cfg.kafkaControllerPort()).isEqualTo(9093);
        assertThat(cfg.kafkaClientProperties()).isEmpty();
        assertThat(cfg.elasticsearchUrl()).isEqualTo("http://127.0.0.1:9200");
        assertThat(cfg.elasticsearchExternal()).isFalse();
        assertThat(cfg.elasticsearchPort()).isEqualTo(9200);
        assertThat(cfg.elasticsearchAuthorization()).isNull();
        assertThat(cfg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/iterdef");
        assertThat(cfg.databaseExternal()).isFalse();
        assertThat(cfg.databasePort()).isEqualTo(5432);
        assertThat(cfg.databaseName()).isEqualTo("iterdef");
        assertThat(cfg.dbUser()).isEqualTo("postgres");
        assertThat(cfg.dbPassword()).isEmpty();
        assertThat(cfg.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(cfg.startTimeout()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void shouldMarkServicesExternalWhenTheirVariablesAreSet() {
        StackConfig cfg = StackConfig.fromMap(Map.of(
                "ITERDEF_KAFKA", "kafka-1:19092,kafka-2:19092",
                "ITERDEF_ES_URL", "https://es.corp:9243/",
                "ITERDEF_DB_URL", "jdbc:postgresql://db.corp:6543/soc?sslmode=require",
                "ITERDEF_DB_USER", "iterdef",
                "ITERDEF_DB_PASSWORD", "s3cret",
                "ITERDEF_DATA_DIR", "/var/tmp/iterdef",
                "ITERDEF_STACK_START_TIMEOUT", "30"));

        assertThat(cfg.kafkaExternal()).isTrue();
        assertThat(cfg.kafkaPort()).isEqualTo(19092);
        assertThat(cfg.elasticsearchExternal()).isTrue();
        assertThat(cfg.elasticsearchUrl()).isEqualTo("https://es.corp:9243");
        assertThat(cfg.elasticsearchPort()).isEqualTo(9243);
        assertThat(cfg.databaseExternal()).isTrue();
        assertThat(cfg.databasePort()).isEqualTo(6543);
        assertThat(cfg.databaseName()).isEqualTo("soc");
        assertThat(cfg.dbUser()).isEqualTo("iterdef");
        assertThat(cfg.dbPassword()).isEqualTo("s3cret");
        assertThat(cfg.dataDir()).isEqualTo(Path.of("/var/tmp/iterdef"));
        assertThat(cfg.startTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTreatBlankVariablesAsUnset() {
        StackConfig cfg = StackConfig.fromMap(Map.of("ITERDEF_KAFKA", " ", "ITERDEF_ES_URL", ""));

        assertThat(cfg.kafkaExternal()).isFalse();
        assertThat(cfg.elasticsearchExternal()).isFalse();
    }

    @Test
    void shouldBuildSaslScramJaasConfigWhenSaslSslIsConfigured() {
        StackConfig cfg = StackConfig.fromMap(Map.of(
                "ITERDEF_KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "ITERDEF_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "ITERDEF_KAFKA_USERNAME", "soc",
                "ITERDEF_KAFKA_PASSWORD", "pa\"ss",
                "ITERDEF_KAFKA_TRUSTSTORE", "/etc/iterdef/truststore.jks",
                "ITERDEF_KAFKA_TRUSTSTORE_PASSWORD", "changeit"));

        assertThat(cfg.kafkaClientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"soc\" password=\"pa\\\"ss\";")
                .containsEntry("ssl.truststore.location", "/etc/iterdef/truststore.jks")
                .containsEntry("ssl.truststore.password", "changeit");
    }

    @Test
    void shouldUsePlainLoginModuleWhenMechanismIsPlain() {
        StackConfig cfg = StackConfig.fromMap(Map.of(
                "ITERDEF_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "ITERDEF_KAFKA_USERNAME", "u", "ITERDEF_KAFKA_PASSWORD", "p"));

        assertThat(cfg.kafkaClientProperties())
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";")
                .doesNotContainKey("ssl.truststore.location");
    }

    @Test
    void shouldPreferApiKeyOverBasicAuthWhenBothAreSet() {
        assertThat(StackConfig.fromMap(Map.of("ITERDEF_ES_API_KEY", "abc==", "ITERDEF_ES_USERNAME", "elastic"))
                .elasticsearchAuthorization()).isEqualTo("ApiKey abc==");
        assertThat(StackConfig.fromMap(Map.of("ITERDEF_ES_USERNAME", "elastic", "ITERDEF_ES_PASSWORD", "pw"))
                .elasticsearchAuthorization()).isEqualTo("Basic ZWxhc3RpYzpwdw==");
    }

    @Test
    void shouldKeepEverythingButTheDataDirWhenWithDataDir() {
        StackConfig cfg = StackConfig.fromMap(Map.of("ITERDEF_KAFKA", "k:1"));

        StackConfig moved = cfg.withDataDir(Path.of("/tmp/it"));

        assertThat(moved.dataDir()).isEqualTo(Path.of("/tmp/it"));
        assertThat(moved).usingRecursiveComparison().ignoringFields("dataDir").isEqualTo(cfg);
    }

    @Test
    void shouldNameTheVariableWhenANumberIsInvalid() {
        assertThatThrownBy(() -> StackConfig.fromMap(Map.of("ITERDEF_KAFKA_CONTROLLER_PORT", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ITERDEF_KAFKA_CONTROLLER_PORT");
    }
}
