package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteSingleNodeKraftSettingsWhenGeneratingServerProperties() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(KafkaBroker.serverProperties(19092, 19093, Path.of("/data/kafka/data"))));

        assertThat(p)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", "/data/kafka/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void shouldReadClusterIdWhenStorageIsFormatted() throws IOException {
        Files.writeString(dir.resolve("meta.properties"), "#\nnode.id=1\nversion=1\ncluster.id=AbCdEf\n");

        assertThat(KafkaBroker.clusterId(dir)).isEqualTo("AbCdEf");
    }

    @Test
    void shouldFindEveryJarWhenReadingTheBuildTimeClasspath() {
        String cp = KafkaClasspath.resolve();

        assertThat(cp).contains("kafka_2.13-").contains("kafka-clients-").contains("scala-library-");
        assertThat(KafkaClasspath.missing(cp)).isEmpty();
    }
}
