package org.selfdata.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a line of the semicolon-separated files French utilities write, where a cell may be quoted
 * ({@code "0,696"}) and a quoted cell may hold a semicolon or a doubled quote.
 */
final class SemicolonCells {
    private SemicolonCells() {}

    /** The cells of the line, unquoted; nothing when a quote is left open. */
    static Optional<List<String>> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < line.length(); index++) {
            char character = line.charAt(index);
            if (quoted) {
                if (character != '"') {
                    cell.append(character);
                }
                else if (index + 1 < line.length() && line.charAt(index + 1) == '"') {
                    cell.append('"');
                    index++;
                }
                else {
                    quoted = false;
                }
            }
            else if (character == '"') {
                quoted = true;
            }
            else if (character == ';') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(character);
            }
        }
        cells.add(cell.toString());
        return quoted ? Optional.empty() : Optional.of(cells);
    }
}
