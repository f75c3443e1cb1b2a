package org.selfdata.demo;

import java.nio.charset.StandardCharsets;

/** Content lines of vCard and iCalendar, as RFC 6350 and RFC 5545 write them: escaped values, folded at 75 octets. */
final class ContentLines {
    private static final int MAXIMUM_OCTETS = 75;

    private ContentLines() {}

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** The line folded so that no physical line exceeds 75 octets, without splitting a character, ending with CRLF. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int index = 0; index < line.length(); ) {
            int codePoint = line.codePointAt(index);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAXIMUM_OCTETS) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += width;
            index += Character.charCount(codePoint);
        }
        return folded.append("\r\n").toString();
    }
}
