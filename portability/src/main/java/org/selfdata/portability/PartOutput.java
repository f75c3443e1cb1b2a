package org.selfdata.portability;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * Where one part of an archive is written: counts and digests the bytes on their way into the zip entry, so that the
 * manifest can describe the part without reading it again. Closing it does not close the zip; the archive does.
 */
final class PartOutput extends FilterOutputStream {
    private final String name;
    private final MessageDigest digest = Digests.sha256();
    private long size;

    PartOutput(String name, OutputStream entry) {
        super(requireNonNull(entry, "entry is null"));
        this.name = requireNonNull(name, "name is null");
    }

    String name() {
        return name;
    }

    @Override
    public void write(int value) throws IOException {
        out.write(value);
        digest.update((byte) value);
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        size += length;
    }

    /** What was written, once the part is complete; the digest is final after this call. */
    Part describe() {
        return new Part(name, size, HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public void close() {
        // A part's writer (a JSON generator, a CSV writer) closing its stream must not close the zip.
    }
}
