package org.selfdata.portability;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Writes the zip of an archive, one part after another, remembering each part's size and digest for the manifest.
 *
 * <p>Entries carry a fixed time and no extra fields, so that equal parts give equal entries whatever the day and the
 * machine. Closing the writer closes the stream it writes to.
 */
final class ArchiveWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final ZipOutputStream zip;
    private final List<Part> parts = new ArrayList<>();

    ArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(new BufferedOutputStream(out, BUFFER), UTF_8);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    }

    PartOutput begin(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ArchiveFormat.ENTRY_TIME);
        zip.putNextEntry(entry);
        return new PartOutput(name, zip);
    }

    Part finish(PartOutput output) throws IOException {
        zip.closeEntry();
        Part part = output.describe();
        parts.add(part);
        return part;
    }

    /** The parts finished so far, in the order they were written. */
    List<Part> parts() {
        return List.copyOf(parts);
    }

    /** Writes the zip's central directory. */
    void complete() throws IOException {
        zip.finish();
        zip.flush();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
