package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialsTest {

    @TempDir
    Path home;

    @Test
    void shouldGenerateOwnerOnlyPasswordFileWhenFirstRun() throws Exception {
        AdminCredentials admin = AdminCredentials.resolve(settings(Map.of()));

        Path file = home.resolve("data/admin-password");
        assertThat(admin.user()).isEqualTo("admin");
        assertThat(admin.generated()).isTrue();
        assertThat(admin.password()).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(Files.readString(file).trim()).isEqualTo(admin.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldReuseStoredPasswordWhenRunAgain() throws Exception {
        String first = AdminCredentials.resolve(settings(Map.of())).password();

        assertThat(AdminCredentials.resolve(settings(Map.of())).password()).isEqualTo(first);
    }

    @Test
    void shouldUseEnvironmentAndWriteNothingWhenPasswordIsSet() throws Exception {
        AdminCredentials admin = AdminCredentials.resolve(
                settings(Map.of("ITERDEF_ADMIN_USER", "root-of-trust", "ITERDEF_ADMIN_PASSWORD", "s3cret!")));

        assertThat(admin).isEqualTo(new AdminCredentials("root-of-trust", "s3cret!", false));
        assertThat(home.resolve("data/admin-password")).doesNotExist();
    }

    @Test
    void shouldFailWhenStoredPasswordIsEmpty() throws Exception {
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/admin-password"), "\n");

        assertThatThrownBy(() -> AdminCredentials.resolve(settings(Map.of())))
                .isInstanceOf(IOException.class).hasMessageContaining("is empty");
    }

    @Test
    void shouldDifferWhenGeneratedTwice() {
        assertThat(AdminCredentials.generate()).isNotEqualTo(AdminCredentials.generate());
    }

    private LauncherSettings settings(Map<String, String> env) {
        return LauncherSettings.from(env, home.toString());
    }
}
