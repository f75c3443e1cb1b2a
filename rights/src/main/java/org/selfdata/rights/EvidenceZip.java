package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip written as it goes, each file's SHA-256 taken while it streams through, and its manifest last: one line per
 * file in the form {@code sha256sum -c} reads, so that anyone can check the files with the tools of their system.
 * The zip never grows beyond its bound: the write that would cross it fails with a clear error instead.
 */
final class EvidenceZip {
    static final String MANIFEST = "manifest.sha256";

    /** A file as the zip holds it: its SHA-256 in lower-case hexadecimal and its size in bytes. */
    record Digested(String sha256, long size) {}

    private final ZipOutputStream zip;
    private final FileTime time;
    private final Map<String, String> digests = new LinkedHashMap<>();

    EvidenceZip(OutputStream out, long maximumSize, Instant time) {
        this.zip = new ZipOutputStream(new Bounded(out, maximumSize), StandardCharsets.UTF_8);
        this.time = FileTime.from(time);
    }

    Digested add(String path, byte[] bytes) throws IOException {
        return add(path, new ByteArrayInputStream(bytes));
    }

    Digested add(String path, InputStream content) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        MessageDigest digest = sha256();
        // Not closed: closing it would close the zip. Everything written through it is already in the zip.
        long size = content.transferTo(new DigestOutputStream(zip, digest));
        zip.closeEntry();
        String sha256 = HexFormat.of().formatHex(digest.digest());
        digests.put(path, sha256);
        return new Digested(sha256, size);
    }

    /** Writes the manifest of every file added and ends the zip, leaving the stream it wrote to open. */
    void finish() throws IOException {
        StringBuilder manifest = new StringBuilder();
        digests.forEach((path, sha256) -> manifest.append(sha256).append("  ").append(path).append('\n'));
        ZipEntry entry = new ZipEntry(MANIFEST);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Counts what reaches the caller's stream and refuses the byte that would cross the bound. */
    private static final class Bounded extends FilterOutputStream {
        private final long maximumSize;
        private long written;

        Bounded(OutputStream out, long maximumSize) {
            super(out);
            this.maximumSize = maximumSize;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            out.write(bytes, offset, length);
        }

        private void count(int length) {
            if (written + length > maximumSize) {
                throw new SelfdataException(ErrorCode.TOO_LARGE,
                        Wording.of("error.rights.evidence.tooLarge", Math.ceilDiv(maximumSize, 1024 * 1024)));
            }
            written += length;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
