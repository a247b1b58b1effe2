package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldRedrawInPlaceAndWipeBeforeMessagesWhenInteractive() {
        Terminal terminal = terminal(true);

        terminal.status("kafka ✓ long");
        terminal.status("short");
        terminal.println("hello");

        assertThat(text(err)).isEqualTo("\rkafka ✓ long\rshort       \r     \r");
        assertThat(text(out)).isEqualTo("hello" + System.lineSeparator());
    }

    @Test
    void shouldPrintWholeLinesWhenNotInteractive() {
        Terminal terminal = terminal(false);

        terminal.status("kafka ok");

        assertThat(text(err)).isEqualTo("kafka ok" + System.lineSeparator());
    }

    private Terminal terminal(boolean interactive) {
        return new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), interactive, true);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
