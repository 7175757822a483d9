package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The one live line (a rotation's progress): redrawn in place at a terminal, cleared before any other output, absent elsewhere. */
class OutputLiveLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void atATerminalTheLineIsRedrawnInPlaceAndClearedBeforeOtherOutput() {
        Output output = new Output(out, err, OutputFormat.TEXT, false).withStatusLine(true);

        output.live("rotating: 1/3 done");
        output.live("rotating: 2/3 done");
        output.println("created    a.example.com");
        output.note("a note");

        assertThat(err.toString()).isEqualTo(StatusLine.CLEAR + "rotating: 1/3 done" + StatusLine.CLEAR
                + "rotating: 2/3 done" + StatusLine.CLEAR + "a note" + System.lineSeparator());
        assertThat(out.toString()).isEqualTo("created    a.example.com" + System.lineSeparator());
    }

    @Test
    void withoutATerminalThereIsNoLiveLineAtAll() {
        Output output = new Output(out, err, OutputFormat.TEXT, false).withStatusLine(false);

        output.live("rotating: 1/3 done");
        output.println("created    a.example.com");

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEqualTo("created    a.example.com" + System.lineSeparator());
    }
}
