package org.selfdata.portability;

import org.selfdata.texts.Wording;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * Reads one part of an archive while counting and digesting it, and stops at the size the manifest gives: a part
 * longer than that is refused when it passes the size, not after it has been read to its end.
 */
final class PartInput extends FilterInputStream {
    private final Part part;
    private final MessageDigest digest = Digests.sha256();
    private long size;

    PartInput(Part part, InputStream entry) {
        super(requireNonNull(entry, "entry is null"));
        this.part = requireNonNull(part, "part is null");
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            counted(new byte[] {(byte) value}, 0, 1);
        }
        return value;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = super.read(bytes, offset, length);
        if (read > 0) {
            counted(bytes, offset, read);
        }
        return read;
    }

    private void counted(byte[] bytes, int offset, int length) {
        size += length;
        if (size > part.size()) {
            throw InvalidArchive.part(part.name(), Wording.of("error.portability.partLonger", Long.toString(part.size())));
        }
        digest.update(bytes, offset, length);
    }

    /** Reads what is left, so that the part's size and digest can be checked after a problem found half-way. */
    void drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // Counting and digesting happen in read.
        }
    }

    /** Checks, once the part has been read to its end, that it is exactly the part the manifest describes. */
    void verify() {
        if (size != part.size()) {
            throw InvalidArchive.part(part.name(),
                    Wording.of("error.portability.partSize", Long.toString(size), Long.toString(part.size())));
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(part.sha256())) {
            throw InvalidArchive.part(part.name(), Wording.of("error.portability.partDigest"));
        }
    }
}
