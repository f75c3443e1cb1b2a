package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A small multipart form read whole into memory: its fields by name, and its files with the names and media types
 * the client gave them. It serves forms whose files are kept as they are, such as an organization's answer, which the
 * vault seals as documents; an import's file, which may be large, goes through {@link Uploads#receive} instead.
 *
 * @param fields each field's value, the first when the form repeats it
 * @param files the files, in the order the form sends them
 */
record MultipartForm(Map<String, String> fields, List<File> files) {
    /** A media type without its parameters, as the vault keeps it. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]{1,127}/[a-z0-9!#$&^_.+-]{1,127}");

    MultipartForm {
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    /** A file of the form: its name made safe ({@link Uploads#sanitized}), its media type and its bytes. */
    record File(String name, String mediaType, byte[] content) {
        File {
            requireNonNull(name, "name is null");
            requireNonNull(mediaType, "mediaType is null");
            requireNonNull(content, "content is null");
        }
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * Reads a form, refusing a file larger than {@code maximumFileBytes} or more than {@code maximumFiles} of them as
     * soon as the form goes past either; the body's own limit is the caller's.
     */
    static MultipartForm read(InputStream body, String contentType, long maximumFileBytes, int maximumFiles) {
        List<Map.Entry<MultipartUpload.Part, ByteArrayOutputStream>> parts = new ArrayList<>();
        MultipartUpload.readParts(body, contentType, part -> {
            boolean file = part.fileName().isPresent();
            if (file && parts.stream().filter(each -> each.getKey().fileName().isPresent()).count() >= maximumFiles) {
                throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.server.formTooManyFiles", maximumFiles));
            }
            ByteArrayOutputStream content = file ? new Bounded(maximumFileBytes) : new ByteArrayOutputStream();
            parts.add(Map.entry(part, content));
            return content;
        });
        Map<String, String> fields = new LinkedHashMap<>();
        List<File> files = new ArrayList<>();
        for (Map.Entry<MultipartUpload.Part, ByteArrayOutputStream> entry : parts) {
            MultipartUpload.Part part = entry.getKey();
            if (part.fileName().isPresent()) {
                files.add(new File(Uploads.sanitized(part.fileName().orElseThrow()), mediaType(part.mediaType()),
                        entry.getValue().toByteArray()));
            }
            else {
                fields.putIfAbsent(part.field(), entry.getValue().toString(StandardCharsets.UTF_8));
            }
        }
        return new MultipartForm(fields, files);
    }

    private static String mediaType(Optional<String> given) {
        return given.map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(type -> MEDIA_TYPE.matcher(type).matches())
                .orElse("application/octet-stream");
    }

    /** A file's bytes, refused past its limit. */
    private static final class Bounded extends ByteArrayOutputStream {
        private final long maximumBytes;

        Bounded(long maximumBytes) {
            this.maximumBytes = maximumBytes;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (count + (long) length > maximumBytes) {
                throw new SelfdataException(ErrorCode.TOO_LARGE,
                        Wording.of("error.server.formFileTooLarge", Long.toString(maximumBytes)));
            }
            super.write(bytes, offset, length);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
