package io.iterdef.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.kb.engine.DrlSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules publish} refuses a set that does not compile or fails a fixture, before it ever talks to Kafka (the
 * bootstrap address here is a closed port: a publish attempt would fail with a Kafka error, not a refusal).
 */
class RulesCliTest {
    private static final Map<String, String> NO_KAFKA = Map.of("ITERDEF_KAFKA", "127.0.0.1:1");

    @TempDir
    Path dir;

    @Test
    void shouldRefuseWithTheCompilerErrorsWhenARuleDoesNotCompile() throws IOException {
        write(TestRuleSets.broken(builtin()));

        Run run = run("publish", dir.toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("refused, nothing published").contains("broken.drl");
        assertThat(run.out).isEmpty();
    }

    @Test
    void shouldRefuseWithTheFailedCasesWhenAFixtureFails() throws IOException {
        // a rule on every group member addition also fires on the fixtures of the sequence rule
        write(TestRuleSets.builtinPlusOne(builtin(), "4732"));

        Run run = run("publish", dir.toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("refused, nothing published").contains("FAIL ")
                .contains("persistence_new_account_added_to_privileged_group");
        assertThat(run.out).isEmpty();
    }

    private static Map<String, String> builtin() {
        return DrlSources.fromClasspath(RulesCliTest.class.getClassLoader());
    }

    private void write(Map<String, String> drl) throws IOException {
        for (var e : drl.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RulesCli.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(NO_KAFKA, args);
    }
}
