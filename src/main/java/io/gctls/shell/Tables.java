package io.gctls.shell;

import java.util.Arrays;
import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;

/**
 * Tables as every list command prints them (Spring Shell's TableBuilder, header and column
 * borders). Rendered at their natural width: a wrapped id, fingerprint or path cannot be copied
 * from the terminal or matched in a log, and piped output has no width to wrap to anyway.
 */
public final class Tables {

    /** Room for the borders: one per column plus one. */
    private static final int BORDERS = 1;

    private Tables() {
    }

    /** {@code rows[0]} is the header. */
    public static String render(Object[][] rows) {
        TableBuilder table = new TableBuilder(new ArrayTableModel(rows));
        table.addHeaderAndVerticalsBorders(BorderStyle.oldschool);
        return table.build().render(naturalWidth(rows)).stripTrailing();
    }

    static int naturalWidth(Object[][] rows) {
        int columns = Arrays.stream(rows).mapToInt(r -> r.length).max().orElse(0);
        int width = BORDERS;
        for (int c = 0; c < columns; c++) {
            int column = c;
            width += 1 + Arrays.stream(rows).filter(r -> column < r.length && r[column] != null)
                    .mapToInt(r -> String.valueOf(r[column]).length()).max().orElse(0);
        }
        return width;
    }
}
