package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TablesTest {

    @Test
    void longCellsAreNeverWrapped() {
        String path = "/a/very/long/checkout/path/".repeat(12) + "sandbox.secret";
        String table = Tables.render(new Object[][] {{"profile", "secret"}, {"lab", "file " + path}});
        assertThat(table).contains("file " + path);
        assertThat(table.lines()).hasSize(5); // borders above and below the header, the one row, the bottom border
    }

    @Test
    void columnsAreAsWideAsTheirWidestCell() {
        String table = Tables.render(new Object[][] {{"step", "count"}, {"deploy", "3"}});
        assertThat(table.lines().toList()).contains("|step  |count|", "|deploy|3    |");
    }
}
