package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.InProgressFiles;
import org.selfdata.vault.SealedFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.LongConsumer;

import static java.util.Objects.requireNonNull;

/**
 * Where uploaded files wait for their import: each in a {@link SealedFile} of the vault's in-progress folder, sealed
 * with a key held only in memory, and closed, which deletes it, once its import is over, whatever became of it. A
 * server killed meanwhile leaves nothing anyone can read.
 *
 * <p>An upload is streamed to its file as it arrives and counted on the way, so neither a large file nor one that
 * claims to be small and is not can fill memory, and one past the limit is refused as soon as the limit is passed.
 */
final class Uploads {
    /** The longest file name kept; a longer one is cut, keeping its extension. */
    static final int MAXIMUM_NAME_LENGTH = 200;

    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    /** An uploaded file waiting sealed, under the name it was sent with. */
    record Upload(SealedFile file, String name, long bytes) {}

    private final InProgressFiles inProgress;
    private final long maximumBytes;

    Uploads(InProgressFiles inProgress, long maximumBytes) {
        this.inProgress = requireNonNull(inProgress, "inProgress is null");
        this.maximumBytes = maximumBytes;
    }

    long maximumBytes() {
        return maximumBytes;
    }

    /**
     * Receives a request's body into a new sealed file: the body itself, or the file part of a multipart form.
     *
     * @param declaredBytes the request's {@code Content-Length}, or -1 when it is sent in chunks
     * @param name the file's name when the body is the file itself
     * @param received told the bytes received so far, as they arrive
     */
    Upload receive(InputStream body, Optional<String> contentType, long declaredBytes, Optional<String> name,
            LongConsumer received) {
        if (declaredBytes > maximumBytes) {
            throw tooLarge();
        }
        boolean multipart = contentType.filter(MultipartUpload::isMultipart).isPresent();
        if (!multipart && name.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.uploadUnnamed"));
        }
        SealedFile file = inProgress.newFile();
        try {
            LimitedInputStream limited = new LimitedInputStream(body, maximumBytes, received);
            String sentName;
            try (OutputStream out = file.write()) {
                if (multipart) {
                    sentName = MultipartUpload.copyFile(limited, contentType.get(), out);
                }
                else {
                    limited.transferTo(out);
                    sentName = name.get();
                }
            }
            return new Upload(file, sanitized(sentName), file.size());
        }
        catch (IOException e) {
            file.close();
            throw new UncheckedIOException("receiving an upload", e);
        }
        catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Receives a small multipart form whole into memory (see {@link MultipartForm}), counted on the way against the
     * lesser of this server's upload limit and {@code maximumBytes}.
     */
    MultipartForm receiveForm(InputStream body, Optional<String> contentType, long declaredBytes, long maximumBytes,
            long maximumFileBytes, int maximumFiles) {
        long limit = Math.min(this.maximumBytes, maximumBytes);
        if (declaredBytes > limit) {
            throw tooLarge(limit);
        }
        String multipart = contentType.filter(MultipartUpload::isMultipart).orElseThrow(() ->
                new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.formExpected")));
        return MultipartForm.read(new LimitedInputStream(body, limit, count -> { }), multipart, maximumFileBytes,
                maximumFiles);
    }

    /** Deletes an upload's file, and its key with it. */
    void delete(Upload upload) {
        upload.file().close();
    }

    /**
     * The name an upload goes by in reports and in its batch: the last segment of what the client sent, without
     * control characters, so that it cannot name a folder or forge a line of a report.
     */
    static String sanitized(String sent) {
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload";
        }
        if (name.length() > MAXIMUM_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAXIMUM_NAME_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    private SelfdataException tooLarge() {
        return tooLarge(maximumBytes);
    }

    private static SelfdataException tooLarge(long limit) {
        return new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.server.uploadTooLarge", Long.toString(limit)));
    }

    /** Counts what is read and refuses to read past the limit. */
    private final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private final LongConsumer received;
        private long count;

        LimitedInputStream(InputStream in, long limit, LongConsumer received) {
            super(requireNonNull(in, "in is null"));
            this.limit = limit;
            this.received = received;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = in.read(bytes, offset, Math.min(length, COPY_BUFFER_BYTES));
            if (read > 0) {
                count += read;
                if (count > limit) {
                    throw tooLarge(limit);
                }
                received.accept(count);
            }
            return read;
        }

        @Override
        public long skip(long bytes) throws IOException {
            return Math.max(0, read(new byte[(int) Math.min(bytes, COPY_BUFFER_BYTES)]));
        }
    }
}
