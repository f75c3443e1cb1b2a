package org.selfdata.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import static java.util.Objects.requireNonNull;

/**
 * Decodes bytes as UTF-8 wherever they form valid UTF-8, and as Windows-1252 wherever they do not.
 *
 * <p>Banks and utilities declare one charset and send another (OFX files that say {@code CHARSET:1252} and carry
 * UTF-8, CSV files in cp1252 with no declaration at all). Deciding once for the whole file needs the whole file,
 * which a streaming reader does not have: a statement can be plain ASCII for its first megabyte and hold its first
 * accent after that. Deciding per byte sequence needs no look-ahead, and cp1252 text almost never contains
 * sequences that are also valid UTF-8 (they would read as {@code Ã©}). cp1252, not ISO-8859-1, because €, œ and
 * ’ sit in 0x80–0x9F. A leading UTF-8 byte-order mark is dropped.
 */
final class Utf8OrCp1252Reader extends Reader {
    private static final char[] CP1252_HIGH = (
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178").toCharArray();

    private final InputStream in;
    private final byte[] bytes = new byte[16 * 1024];
    private int start;
    private int end;
    private boolean endOfInput;
    private boolean atFileStart = true;
    private int pendingLowSurrogate = -1;

    Utf8OrCp1252Reader(InputStream in) {
        this.in = requireNonNull(in, "in is null");
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length) {
            if (pendingLowSurrogate >= 0) {
                target[offset + written++] = (char) pendingLowSurrogate;
                pendingLowSurrogate = -1;
                continue;
            }
            if (end - start < 4 && !endOfInput) {
                fill();
                if (atFileStart) {
                    skipByteOrderMark();
                }
            }
            if (start == end) {
                break;
            }
            written += decodeOne(target, offset + written);
        }
        return written == 0 ? -1 : written;
    }

    private int decodeOne(char[] target, int at) {
        int lead = bytes[start] & 0xFF;
        if (lead < 0x80) {
            start++;
            target[at] = (char) lead;
            return 1;
        }
        int length = sequenceLength(lead);
        if (length > 0 && isValidSequence(lead, length)) {
            int codePoint = decodeSequence(lead, length);
            start += length;
            if (Character.isSupplementaryCodePoint(codePoint)) {
                target[at] = Character.highSurrogate(codePoint);
                pendingLowSurrogate = Character.lowSurrogate(codePoint);
            }
            else {
                target[at] = (char) codePoint;
            }
            return 1;
        }
        start++;
        target[at] = lead < 0xA0 ? CP1252_HIGH[lead - 0x80] : (char) lead;
        return 1;
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private boolean isValidSequence(int lead, int length) {
        if (end - start < length) {
            return false;
        }
        // The second byte's range is narrower after some leads: no overlong forms, no surrogates, nothing past U+10FFFF.
        int second = bytes[start + 1] & 0xFF;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return false;
        }
        for (int index = 2; index < length; index++) {
            if ((bytes[start + index] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private int decodeSequence(int lead, int length) {
        int codePoint = lead & (0xFF >> (length + 1));
        for (int index = 1; index < length; index++) {
            codePoint = (codePoint << 6) | (bytes[start + index] & 0x3F);
        }
        return codePoint;
    }

    private void fill() throws IOException {
        System.arraycopy(bytes, start, bytes, 0, end - start);
        end -= start;
        start = 0;
        while (end < bytes.length && !endOfInput) {
            int count = in.read(bytes, end, bytes.length - end);
            if (count < 0) {
                endOfInput = true;
            }
            else {
                end += count;
            }
            if (end - start >= 4) {
                break;
            }
        }
    }

    private void skipByteOrderMark() {
        if (end - start >= 3 || endOfInput) {
            atFileStart = false;
            if (end - start >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                start += 3;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
