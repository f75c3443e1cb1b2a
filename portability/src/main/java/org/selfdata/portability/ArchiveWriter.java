package org.selfdata.portability;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * machine.
 */
final class ArchiveWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final FileChannel file;
    private final ZipOutputStream zip;
    private final List<Part> parts = new ArrayList<>();

    ArchiveWriter(Path file) throws IOException {
        this.file = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(this.file), BUFFER), UTF_8);
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

    /** Writes the zip's central directory and waits until every byte is on the disk. */
    void complete() throws IOException {
        zip.finish();
        zip.flush();
        file.force(true);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
