package org.selfdata.model;

import tools.jackson.core.SerializableString;

import java.io.OutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * JSON text that is already valid and UTF-8, written into a generator's output as it is.
 *
 * <p>A payload comes out of the vault as its canonical JSON bytes. Jackson's byte generator copies a raw value
 * through {@link #appendUnquotedUTF8} or {@link #asUnquotedUTF8}, so these bytes reach the response without being
 * decoded into a string and encoded again. The quoted forms exist for the interface's sake; the generator never
 * asks for them when writing a raw value.
 */
public final class RawJson implements SerializableString {
    private final byte[] utf8;

    public RawJson(byte[] utf8) {
        this.utf8 = requireNonNull(utf8, "utf8 is null");
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
        throw notQuotable();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw notQuotable();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        throw notQuotable();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        throw notQuotable();
    }

    /** Copies the bytes if they fit, or returns -1 so that the generator writes them through {@link #asUnquotedUTF8}. */
    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) {
            return -1;
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String value = getValue();
        if (offset + value.length() > buffer.length) {
            return -1;
        }
        value.getChars(0, value.length(), buffer, offset);
        return value.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream output) {
        throw notQuotable();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream output) throws IOException {
        output.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw notQuotable();
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (buffer.remaining() < utf8.length) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }

    private static UnsupportedOperationException notQuotable() {
        return new UnsupportedOperationException("raw JSON is written as it is, never quoted as a string");
    }
}
