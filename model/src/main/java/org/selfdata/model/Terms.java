package org.selfdata.model;

/** Helpers for echoing a caller's term in a message without echoing an unbounded or unprintable text. */
final class Terms {
    private static final int SHOWN = 40;

    private Terms() {
    }

    static String bounded(String term) {
        String printable = term.codePoints()
                .map(codePoint -> Character.isISOControl(codePoint) ? '?' : codePoint)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= SHOWN ? printable : printable.substring(0, SHOWN) + "…";
    }
}
