package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Reads a {@code multipart/form-data} body as it arrives and copies its parts out, never holding more than a buffer of
 * it: what a browser's {@code FormData} and {@code curl -F file=@name} send.
 *
 * <p>Jetty's own multipart support would first spool every part to a folder of its choosing; reading the parts here
 * lets a file go straight where its caller wants it (an upload's private folder, counted against the upload limit).
 * For an import, fields other than the file are read and ignored, and a second file is refused, since one upload is one
 * import; other forms take each part for what it is.
 */
final class MultipartUpload {
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAXIMUM_HEADER_BYTES = 16 * 1024;
    static final int MAXIMUM_FIELD_BYTES = 64 * 1024;
    private static final int MAXIMUM_BOUNDARY_LENGTH = 200;
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * A part of the form as its headers say.
     *
     * @param field the name of the form's field, empty when the part does not say
     * @param fileName the file's name, when the part is a file
     * @param mediaType the part's {@code Content-Type}, when it gives one
     */
    record Part(String field, Optional<String> fileName, Optional<String> mediaType) {}

    private final InputStream in;
    private final byte[] firstDelimiter;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int start;
    private int end;

    private MultipartUpload(InputStream in, String boundary) {
        this.in = requireNonNull(in, "in is null");
        this.firstDelimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether a request's media type is a multipart form. */
    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Copies the form's file part to {@code target} and returns the name the client gave it.
     *
     * @param in the request's body
     * @param contentType the request's {@code Content-Type}, which names the boundary
     */
    static String copyFile(InputStream in, String contentType, OutputStream target) {
        List<String> names = new ArrayList<>();
        readParts(in, contentType, part -> {
            if (part.fileName().isEmpty()) {
                return OutputStream.nullOutputStream();
            }
            if (!names.isEmpty()) {
                throw malformed("error.server.formSeveralFiles");
            }
            names.add(part.fileName().orElseThrow());
            return target;
        });
        if (names.isEmpty()) {
            throw malformed("error.server.formNoFile");
        }
        return names.getFirst();
    }

    /**
     * Copies each part of the form, in order, to where {@code targets} says when given its headers. A field is cut at
     * {@value #MAXIMUM_FIELD_BYTES} bytes; a file is as long as the body lets it be.
     */
    static void readParts(InputStream in, String contentType, Function<Part, OutputStream> targets) {
        new MultipartUpload(in, boundary(contentType)).readParts(targets);
    }

    private void readParts(Function<Part, OutputStream> targets) {
        copyUntil(firstDelimiter, OutputStream.nullOutputStream(), MAXIMUM_FIELD_BYTES);
        while (!nextIsEnd()) {
            Part part = part();
            copyUntil(delimiter, targets.apply(part), part.fileName().isPresent() ? Long.MAX_VALUE : MAXIMUM_FIELD_BYTES);
        }
    }

    /** After a delimiter: {@code --} closes the form, a line break opens another part. */
    private boolean nextIsEnd() {
        require(2);
        byte first = buffer[start];
        byte second = buffer[start + 1];
        start += 2;
        if (first == '-' && second == '-') {
            return true;
        }
        if (first == '\r' && second == '\n') {
            return false;
        }
        throw malformed("error.server.formBoundary");
    }

    /** Reads a part's headers: the field's name and file name from its {@code Content-Disposition}, and its type. */
    private Part part() {
        Optional<String> field = Optional.empty();
        Optional<String> fileName = Optional.empty();
        Optional<String> mediaType = Optional.empty();
        int headerBytes = 0;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            headerBytes += line.length() + 2;
            if (headerBytes > MAXIMUM_HEADER_BYTES) {
                throw malformed("error.server.formPartHeaders", Integer.toString(MAXIMUM_HEADER_BYTES));
            }
            int colon = line.indexOf(':');
            String header = colon > 0 ? line.substring(0, colon).strip() : "";
            if (header.equalsIgnoreCase("Content-Disposition")) {
                field = parameter(line.substring(colon + 1), "name");
                fileName = fileName(line.substring(colon + 1));
            }
            else if (header.equalsIgnoreCase("Content-Type")) {
                mediaType = Optional.of(line.substring(colon + 1).strip()).filter(type -> !type.isEmpty());
            }
        }
        return new Part(field.orElse(""), fileName, mediaType);
    }

    /** A plain parameter of a header, such as the {@code name} of a {@code Content-Disposition}. */
    private static Optional<String> parameter(String header, String wanted) {
        for (String parameter : parameters(header)) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase(wanted)) {
                return Optional.of(unquoted(parameter.substring(equals + 1).strip()));
            }
        }
        return Optional.empty();
    }

    /** The {@code filename*} (RFC 5987) or {@code filename} parameter of a {@code Content-Disposition}. */
    static Optional<String> fileName(String disposition) {
        Optional<String> plain = Optional.empty();
        for (String parameter : parameters(disposition)) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = unquoted(parameter.substring(equals + 1).strip());
            if (name.equals("filename*")) {
                int quote = value.indexOf("''");
                if (quote >= 0 && value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
                    try {
                        return Optional.of(URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"),
                                StandardCharsets.UTF_8));
                    }
                    catch (IllegalArgumentException badEscape) {
                        continue;
                    }
                }
            }
            else if (name.equals("filename")) {
                plain = Optional.of(value);
            }
        }
        return plain;
    }

    /** Splits on semicolons outside quotes. */
    private static String[] parameters(String header) {
        StringBuilder current = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        boolean quoted = false;
        for (int index = 0; index < header.length(); index++) {
            char c = header.charAt(index);
            if (quoted && c == '\\' && index + 1 < header.length()) {
                current.append(c).append(header.charAt(++index));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                parameters.add(current.toString());
                current.setLength(0);
            }
            else {
                current.append(c);
            }
        }
        parameters.add(current.toString());
        return parameters.toArray(String[]::new);
    }

    private static String unquoted(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder text = new StringBuilder();
        for (int index = 1; index < value.length() - 1; index++) {
            char c = value.charAt(index);
            if (c == '\\' && index + 1 < value.length() - 1) {
                c = value.charAt(++index);
            }
            text.append(c);
        }
        return text.toString();
    }

    /** The boundary parameter of a multipart media type. */
    static String boundary(String contentType) {
        for (String parameter : parameters(contentType)) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("boundary")) {
                String boundary = unquoted(parameter.substring(equals + 1).strip());
                if (boundary.isEmpty() || boundary.length() > MAXIMUM_BOUNDARY_LENGTH
                        || !StandardCharsets.US_ASCII.newEncoder().canEncode(boundary)) {
                    break;
                }
                return boundary;
            }
        }
        throw malformed("error.server.formNoBoundary");
    }

    /**
     * Copies bytes up to the next {@code needle} to {@code target} and moves past it. Bytes that could begin the needle
     * stay in the buffer until more has arrived.
     */
    private void copyUntil(byte[] needle, OutputStream target, long maximumBytes) {
        long copied = 0;
        try {
            while (true) {
                int found = indexOf(needle);
                int safe = found >= 0 ? found : Math.max(start, end - needle.length + 1);
                copied += safe - start;
                if (copied > maximumBytes) {
                    throw malformed("error.server.formFieldTooLong", Long.toString(maximumBytes));
                }
                target.write(buffer, start, safe - start);
                start = safe;
                if (found >= 0) {
                    start += needle.length;
                    return;
                }
                if (!fill()) {
                    throw malformed("error.server.formEnds");
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("copying an uploaded file", e);
        }
    }

    private String readLine() {
        while (true) {
            int found = indexOf(CRLF);
            if (found >= 0) {
                String line = new String(buffer, start, found - start, StandardCharsets.UTF_8);
                start = found + 2;
                return line;
            }
            if (end - start > MAXIMUM_HEADER_BYTES) {
                throw malformed("error.server.formPartHeader", Integer.toString(MAXIMUM_HEADER_BYTES));
            }
            if (!fill()) {
                throw malformed("error.server.formEndsInHeaders");
            }
        }
    }

    private void require(int bytes) {
        while (end - start < bytes) {
            if (!fill()) {
                throw malformed("error.server.formEnds");
            }
        }
    }

    private int indexOf(byte[] needle) {
        int last = end - needle.length;
        for (int index = start; index <= last; index++) {
            if (buffer[index] == needle[0]
                    && Arrays.equals(buffer, index, index + needle.length, needle, 0, needle.length)) {
                return index;
            }
        }
        return -1;
    }

    /** Moves what is left to the front and reads more after it; false at the end of the body. */
    private boolean fill() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        try {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            end += read;
            return true;
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading an upload", e);
        }
    }

    private static SelfdataException malformed(String key, Object... arguments) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of(key, arguments));
    }
}
