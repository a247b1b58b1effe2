package io.iterdef.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

    @Test
    void shouldUseContractDefaultsWhenNothingIsSet() {
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(Map.of());

        assertThat(cfg.kafka().clientProperties())
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKey("sasl.jaas.config");
        assertThat(cfg.elasticsearch().url()).isEqualTo("http://127.0.0.1:9200");
        assertThat(cfg.elasticsearch().authorizationHeader()).isEmpty();
        assertThat(cfg.stateDir()).isEqualTo(Path.of("./data/streams"));
        assertThat(cfg.collectorPort()).isEqualTo(5140);
        assertThat(cfg.collectorZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(cfg.topicPartitions()).isEqualTo(3);
        assertThat(cfg.topicReplication()).isEqualTo((short) 1);
        assertThat(cfg.applicationId()).isEqualTo("iterdef-streams");
        assertThat(cfg.indexerGroupId()).isEqualTo("iterdef-indexer");
        assertThat(cfg.rulesDir()).isNull();
        assertThat(cfg.detectGrace().toSeconds()).isEqualTo(5);
        assertThat(cfg.collector().httpPort()).isEqualTo(8088);
        assertThat(cfg.collector().syslogPort()).isEqualTo(5514);
        assertThat(cfg.collector().maxRecordBytes()).isEqualTo(1_000_000);
        assertThat(cfg.collector().maxRequestBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(cfg.collector().sendTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(cfg.collector().token()).isNull();
        assertThat(cfg.collector().tls()).isFalse();
    }

    @Test
    void shouldReadCollectorEndpointsLimitsTokenAndTlsWhenTheyAreSet() {
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(Map.of(
                "ITERDEF_COLLECTOR_HTTP_PORT", "9443",
                "ITERDEF_COLLECTOR_SYSLOG_PORT", "-1",
                "ITERDEF_COLLECTOR_MAX_RECORD_BYTES", "65536",
                "ITERDEF_COLLECTOR_MAX_REQUEST_BYTES", "1048576",
                "ITERDEF_COLLECTOR_SEND_TIMEOUT_MS", "2500",
                "ITERDEF_COLLECTOR_HTTP_THREADS", "4",
                "ITERDEF_COLLECTOR_TOKEN", "t0ken",
                "ITERDEF_COLLECTOR_TLS_KEYSTORE", "/etc/iterdef/collector.p12",
                "ITERDEF_COLLECTOR_TLS_KEYSTORE_PASSWORD", " pw "));

        CollectorConfig c = cfg.collector();
        assertThat(c.httpPort()).isEqualTo(9443);
        assertThat(c.syslogEnabled()).isFalse();
        assertThat(c.httpEnabled()).isTrue();
        assertThat(c.maxRecordBytes()).isEqualTo(65536);
        assertThat(c.maxRequestBytes()).isEqualTo(1048576);
        assertThat(c.sendTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.httpThreads()).isEqualTo(4);
        assertThat(c.token()).isEqualTo("t0ken");
        assertThat(c.tlsKeystore()).isEqualTo(Path.of("/etc/iterdef/collector.p12"));
        assertThat(c.tlsKeystorePassword()).isEqualTo(" pw ");
        assertThat(c.toString()).doesNotContain("t0ken").doesNotContain(" pw ");
    }

    @Test
    void shouldRefuseCollectorSettingsWhenTheyContradictEachOther() {
        assertThatThrownBy(() -> StreamsAppConfig.fromMap(Map.of("ITERDEF_COLLECTOR_TLS_KEYSTORE", "/k.p12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ITERDEF_COLLECTOR_TLS_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> StreamsAppConfig.fromMap(Map.of("ITERDEF_COLLECTOR_MAX_REQUEST_BYTES", "1000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ITERDEF_COLLECTOR_MAX_RECORD_BYTES");
        assertThatThrownBy(() -> StreamsAppConfig.fromMap(Map.of("ITERDEF_COLLECTOR_HTTP_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ITERDEF_COLLECTOR_HTTP_PORT");
    }

    @Test
    void shouldBuildScramJaasConfigAndTruststoreWhenSaslSslIsConfigured() {
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(Map.of(
                "ITERDEF_KAFKA", "k1:9093,k2:9093",
                "ITERDEF_KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "ITERDEF_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "ITERDEF_KAFKA_USERNAME", "iterdef",
                "ITERDEF_KAFKA_PASSWORD", "pa\"ss",
                "ITERDEF_KAFKA_TRUSTSTORE", "/etc/kafka/trust.p12",
                "ITERDEF_KAFKA_TRUSTSTORE_PASSWORD", "changeit"));

        assertThat(cfg.kafka().clientProperties())
                .containsEntry("bootstrap.servers", "k1:9093,k2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"iterdef\" password=\"pa\\\"ss\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka/trust.p12")
                .containsEntry("ssl.truststore.password", "changeit");
        assertThat(cfg.kafka().toString()).doesNotContain("pa\"ss");
    }

    @Test
    void shouldReadServiceSettingsWhenTheyAreSet() {
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(Map.of(
                "ITERDEF_ES_URL", "https://es:9200",
                "ITERDEF_ES_API_KEY", "abc==",
                "ITERDEF_DATA_DIR", "/var/lib/iterdef",
                "ITERDEF_COLLECTOR_TCP_PORT", "6000",
                "ITERDEF_COLLECTOR_ZONE", "Europe/Berlin",
                "ITERDEF_TOPIC_PARTITIONS", "12",
                "ITERDEF_TOPIC_REPLICATION", "3",
                "ITERDEF_RULES_DIR", "/etc/iterdef/rules"));

        assertThat(cfg.elasticsearch().authorizationHeader()).contains("ApiKey abc==");
        assertThat(cfg.stateDir()).isEqualTo(Path.of("/var/lib/iterdef/streams"));
        assertThat(cfg.collectorPort()).isEqualTo(6000);
        assertThat(cfg.collectorZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(cfg.topicPartitions()).isEqualTo(12);
        assertThat(cfg.topicReplication()).isEqualTo((short) 3);
        assertThat(cfg.rulesDir()).isEqualTo(Path.of("/etc/iterdef/rules"));
    }

    @Test
    void shouldUseBasicAuthWhenOnlyUsernameAndPasswordAreSet() {
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(Map.of("ITERDEF_ES_USERNAME", "elastic",
                "ITERDEF_ES_PASSWORD", "secret"));

        assertThat(cfg.elasticsearch().authorizationHeader()).contains("Basic ZWxhc3RpYzpzZWNyZXQ=");
        assertThat(cfg.elasticsearch().toString()).doesNotContain("secret");
    }

    @Test
    void shouldRefuseSaslWhenCredentialsAreMissing() {
        assertThatThrownBy(() -> StreamsAppConfig.fromMap(Map.of("ITERDEF_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ITERDEF_KAFKA_USERNAME");
    }

    @Test
    void shouldRefuseAnUnknownSecurityProtocol() {
        assertThatThrownBy(() -> StreamsAppConfig.fromMap(Map.of("ITERDEF_KAFKA_SECURITY_PROTOCOL", "TLS")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
