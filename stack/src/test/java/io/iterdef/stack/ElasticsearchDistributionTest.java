package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {

    @TempDir
    Path dir;

    @Test
    void shouldExtractEntriesWhenUnzipping() throws IOException {
        Path zip = zip("es-1/bin/elasticsearch", "es-1/config/elasticsearch.yml");

        ElasticsearchDistribution.unzip(zip, dir.resolve("out"));

        assertThat(dir.resolve("out/es-1/bin/elasticsearch")).hasContent("es-1/bin/elasticsearch");
        assertThat(dir.resolve("out/es-1/config/elasticsearch.yml")).exists();
    }

    @Test
    void shouldRefuseEntriesOutsideTheTargetWhenUnzipping() throws IOException {
        Path zip = zip("../evil.sh");

        assertThatThrownBy(() -> ElasticsearchDistribution.unzip(zip, dir.resolve("out")))
                .isInstanceOf(IOException.class).hasMessageContaining("outside");
        assertThat(dir.resolve("evil.sh")).doesNotExist();
    }

    @Test
    void shouldLocateTheZipFromTheBuildWhenResourceIsFiltered() {
        ElasticsearchDistribution dist = ElasticsearchDistribution.fromBuild();

        assertThat(dist.version()).matches("\\d+\\.\\d+\\.\\d+");
    }

    private Path zip(String... entries) throws IOException {
        Path zip = dir.resolve("dist.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(e.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }
}
