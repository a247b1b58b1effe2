package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against the real PostgreSQL, in a schema of its own (the incidents table of migrations is not touched). */
@ExtendWith(StackExtension.class)
class IncidentStoreIT {

    private final String schema = "launcher_it_" + ProcessHandle.current().pid();
    private final Stack stack;
    private final String url;

    IncidentStoreIT(Stack stack) {
        this.stack = stack;
        this.url = stack.jdbcUrl() + (stack.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @BeforeEach
    void createSchema() throws SQLException {
        sql("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        sql("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void shouldBeEmptyWhenTableDoesNotExistYet() {
        try (IncidentStore store = store()) {
            assertThat(store.count()).isEmpty();
            assertThat(store.maxId()).isZero();
        }
    }

    @Test
    void shouldListIncidentsAfterIdWhenCreated() throws Exception {
        sql("CREATE TABLE " + schema + ".incidents (id bigserial PRIMARY KEY, title text NOT NULL, host_name text, "
                + "first_seen timestamptz NOT NULL DEFAULT '2026-11-17T09:15:00Z', "
                + "last_seen timestamptz NOT NULL DEFAULT '2026-11-17T09:20:00Z')");
        try (IncidentStore store = store()) {
            assertThat(store.count()).isEqualTo(OptionalLong.of(0));
            sql("INSERT INTO " + schema + ".incidents (title, host_name) VALUES ('first', 'h1'), ('second', 'h2'), "
                    + "('third', null)");

            assertThat(store.count()).isEqualTo(OptionalLong.of(3));
            assertThat(store.maxId()).isEqualTo(3);
            Instant first = Instant.parse("2026-11-17T09:15:00Z");
            Instant last = Instant.parse("2026-11-17T09:20:00Z");
            assertThat(store.createdAfter(1, 10)).containsExactly(
                    new IncidentStore.Incident(2, "second", "h2", first, last),
                    new IncidentStore.Incident(3, "third", null, first, last));
            assertThat(store.createdAfter(0, 1)).containsExactly(new IncidentStore.Incident(1, "first", "h1", first, last));
        }
    }

    private IncidentStore store() {
        return new IncidentStore(url, stack.dbUser(), stack.dbPassword());
    }

    private void sql(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
