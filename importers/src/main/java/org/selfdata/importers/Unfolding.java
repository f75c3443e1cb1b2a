package org.selfdata.importers;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Content lines of vCard and iCalendar: folded lines joined back, and a property's value found by its name. */
final class Unfolding {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Unfolding() {}

    /**
     * Appends a continuation line (its leading space removed) to a line. When the fold cut a UTF-8 character, the
     * bytes on either side were each decoded as a Windows-1252 character ({@link Utf8OrCp1252Reader} sees a lead
     * byte followed by a line end); those characters are turned back into their bytes and decoded together.
     */
    static void appendContinuation(StringBuilder line, String continuation) {
        int tail = 0;
        while (tail < 3 && tail < line.length() && byteOf(line.charAt(line.length() - 1 - tail)) >= 0x80) {
            tail++;
        }
        for (int lead = line.length() - tail; lead < line.length(); lead++) {
            int length = sequenceLength(byteOf(line.charAt(lead)));
            int have = line.length() - lead;
            int needed = length - have;
            if (length == 0 || needed <= 0 || needed > continuation.length()) {
                continue;
            }
            byte[] bytes = new byte[length];
            for (int index = 0; index < length; index++) {
                char character = index < have ? line.charAt(lead + index) : continuation.charAt(index - have);
                int value = byteOf(character);
                if (value < 0x80 || (index > 0 && value > 0xBF)) {
                    bytes = new byte[0];
                    break;
                }
                bytes[index] = (byte) value;
            }
            Optional<String> decoded = strictUtf8(bytes);
            if (decoded.isPresent()) {
                line.setLength(lead);
                line.append(decoded.get()).append(continuation, needed, continuation.length());
                return;
            }
        }
        line.append(continuation);
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    }

    /** The byte Windows-1252 decodes to this character (the reader keeps its five unassigned bytes as is), or -1. */
    private static int byteOf(char character) {
        if (character >= 0x80 && character <= 0xFF) {
            return character;
        }
        if (character < 0x80) {
            return character;
        }
        CharsetEncoder encoder = WINDOWS_1252.newEncoder();
        if (!encoder.canEncode(character)) {
            return -1;
        }
        try {
            return encoder.encode(CharBuffer.wrap(new char[] {character})).get() & 0xFF;
        }
        catch (CharacterCodingException e) {
            return -1;
        }
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        }
        catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static List<String> unfold(List<String> lines) {
        List<String> unfolded = new ArrayList<>();
        for (String line : lines) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && !unfolded.isEmpty()) {
                unfolded.set(unfolded.size() - 1, unfolded.getLast() + line.substring(1));
            }
            else if (!line.isEmpty()) {
                unfolded.add(line);
            }
        }
        return unfolded;
    }

    /** The raw value of the first property with this name ({@code RRULE}, {@code X-WR-CALNAME}), parameters ignored. */
    static Optional<String> value(List<String> unfoldedLines, String property) {
        String upperName = property.toUpperCase(Locale.ROOT);
        for (String line : unfoldedLines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith(upperName) && upper.length() > upperName.length()
                    && (upper.charAt(upperName.length()) == ':' || upper.charAt(upperName.length()) == ';')) {
                int colon = line.indexOf(':', upperName.length());
                return colon < 0 ? Optional.empty() : Optional.of(line.substring(colon + 1));
            }
        }
        return Optional.empty();
    }
}
