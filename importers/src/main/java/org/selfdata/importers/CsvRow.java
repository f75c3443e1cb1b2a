package org.selfdata.importers;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One row of a CSV file: its cells, and the line it starts on (a quoted cell may span several lines).
 *
 * @param line the 1-based number of the line where the row starts
 */
record CsvRow(long line, List<String> cells) {
    CsvRow {
        cells = List.copyOf(requireNonNull(cells, "cells is null"));
    }

    /** The cell at a 0-based index; a row shorter than its header lacks its trailing empty cells, so "" past the end. */
    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** An empty line, or a line of delimiters only. */
    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
