package org.selfdata.importers;

import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Splits OFX into start tags, end tags and text, for both generations of the format: 1.x is SGML whose leaf
 * elements need no end tag, 2.x is XML. Headers (the {@code OFXHEADER:100} lines, {@code <?xml?>} and
 * {@code <?OFX?>}), comments and declarations are skipped; CDATA sections are text; entities are decoded.
 * Which elements are leaves is left to {@link OfxElements}, since SGML only tells from what follows a tag.
 */
final class OfxTokenizer {
    enum Kind { START, END, TEXT }

    private static final int MAXIMUM_TOKEN_LENGTH = 64 * 1024;

    private final Reader reader;
    private final char[] buffer = new char[8 * 1024];
    private int start;
    private int end;
    private boolean endOfInput;
    private boolean selfClosing;
    private Kind kind;
    private String value = "";
    private final StringBuilder text = new StringBuilder();

    OfxTokenizer(Reader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** Moves to the next token; false at the end of the file. */
    boolean advance() throws IOException {
        if (selfClosing) {
            selfClosing = false;
            kind = Kind.END;
            return true;
        }
        text.setLength(0);
        while (true) {
            if (!ensure(1)) {
                return emitText();
            }
            char character = buffer[start];
            if (character != '<') {
                appendText(character);
                start++;
                continue;
            }
            if (startsWith("<![CDATA[")) {
                readCharacterData();
            }
            else if (startsWith("<!--")) {
                skipPast("-->");
            }
            else if (startsWith("<?") || startsWith("<!")) {
                skipPast(">");
            }
            else if (!text.isEmpty() && !text.toString().isBlank()) {
                return emitText();
            }
            else {
                text.setLength(0);
                readTag();
                return true;
            }
        }
    }

    Kind kind() {
        return kind;
    }

    /** The element name of a tag (upper case), or the decoded, trimmed text of a text token. */
    String value() {
        return value;
    }

    private boolean emitText() {
        String trimmed = text.toString().strip();
        text.setLength(0);
        if (trimmed.isEmpty()) {
            return false;
        }
        kind = Kind.TEXT;
        value = Entities.decode(trimmed);
        return true;
    }

    private void readTag() throws IOException {
        start++;
        boolean closing = ensure(1) && buffer[start] == '/';
        if (closing) {
            start++;
        }
        StringBuilder name = new StringBuilder();
        while (ensure(1) && buffer[start] != '>') {
            name.append(buffer[start++]);
            checkLength(name);
        }
        start = Math.min(start + 1, end);
        String tag = name.toString().strip();
        selfClosing = !closing && tag.endsWith("/");
        if (selfClosing) {
            tag = tag.substring(0, tag.length() - 1).strip();
        }
        int attributes = tag.indexOf(' ');
        kind = closing ? Kind.END : Kind.START;
        value = (attributes < 0 ? tag : tag.substring(0, attributes)).toUpperCase(Locale.ROOT);
    }

    private void readCharacterData() throws IOException {
        start += "<![CDATA[".length();
        // Entities are not decoded inside CDATA; mark the section so that decoding leaves it alone.
        StringBuilder section = new StringBuilder();
        while (ensure(1) && !startsWith("]]>")) {
            section.append(buffer[start++]);
            checkLength(section);
        }
        start = Math.min(start + 3, end);
        text.append(section.toString().replace("&", "&amp;"));
    }

    private void skipPast(String terminator) throws IOException {
        while (ensure(1) && !startsWith(terminator)) {
            start++;
        }
        start = Math.min(start + terminator.length(), end);
    }

    private void appendText(char character) {
        text.append(character);
        checkLength(text);
    }

    private static void checkLength(StringBuilder token) {
        if (token.length() > MAXIMUM_TOKEN_LENGTH) {
            throw new OfxSyntaxException(Wording.of("error.ofx.tokenTooLong", Integer.toString(MAXIMUM_TOKEN_LENGTH)));
        }
    }

    private boolean startsWith(String prefix) throws IOException {
        if (!ensure(prefix.length())) {
            return false;
        }
        for (int index = 0; index < prefix.length(); index++) {
            if (buffer[start + index] != prefix.charAt(index)) {
                return false;
            }
        }
        return true;
    }

    private boolean ensure(int count) throws IOException {
        if (end - start >= count) {
            return true;
        }
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        while (end - start < count && !endOfInput) {
            int read = reader.read(buffer, end, buffer.length - end);
            if (read < 0) {
                endOfInput = true;
            }
            else {
                end += read;
            }
        }
        return end - start >= count;
    }

    /** A file that cannot be split into tags; {@link OfxElements} adds the position. */
    static final class OfxSyntaxException extends RuntimeException {
        private final transient Wording found;

        OfxSyntaxException(Wording found) {
            super(Words.english().say(found), null, false, false);
            this.found = found;
        }

        Wording found() {
            return found;
        }
    }
}
