package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElasticsearchNodeTest {

    @Test
    void shouldKeepFilesUnderDataDirWhenNotRoot() {
        assertThat(ElasticsearchNode.baseDir(Path.of("/home/me/iterdef/data"), false))
                .isEqualTo(Path.of("/home/me/iterdef/data/elasticsearch"));
    }

    @Test
    void shouldUseADistinctFolderUnderVarLibPerDataDirWhenRoot() {
        Path a = ElasticsearchNode.baseDir(Path.of("/root/a/data"), true);
        Path b = ElasticsearchNode.baseDir(Path.of("/root/b/data"), true);

        assertThat(a.getParent()).isEqualTo(Path.of("/var/lib/iterdef"));
        assertThat(a.getFileName().toString()).matches("es-data-[0-9a-f]{12}");
        assertThat(a).isNotEqualTo(b);
        assertThat(ElasticsearchNode.baseDir(Path.of("/root/a/data"), true)).isEqualTo(a);
    }

    @Test
    void shouldRunSingleNodeOnLoopbackWithoutSecurityWhenBuildingSettings() {
        assertThat(String.join(" ", ElasticsearchNode.settings(19200, Path.of("/d"), Path.of("/l"))))
                .contains("-E discovery.type=single-node")
                .contains("-E xpack.security.enabled=false")
                .contains("-E network.host=127.0.0.1")
                .contains("-E http.port=19200")
                .contains("-E transport.port=19300")
                .contains("-E path.data=/d")
                .contains("-E path.logs=/l")
                .contains("-E cluster.routing.allocation.disk.threshold_enabled=false");
    }

    @Test
    void shouldDeriveTheTransportPortFromTheHttpPortWhenBuildingSettings() {
        assertThat(ElasticsearchNode.transportPort(9200)).isEqualTo(9300);
        assertThat(ElasticsearchNode.transportPort(19200)).isEqualTo(19300);
        assertThat(ElasticsearchNode.transportPort(65500)).isEqualTo(65400);
    }
}
