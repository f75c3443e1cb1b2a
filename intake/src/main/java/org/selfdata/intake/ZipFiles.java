package org.selfdata.intake;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.ImportRequest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The entries of a zip archive, in the order of its central directory, folders left out. The central directory is
 * read rather than the stream of local headers because it is what every archiver writes last and right, ZIP64
 * included. Entry names are UTF-8 when the archive says so, else the IBM437 of old archivers.
 */
final class ZipFiles implements FileSet {
    private static final Charset IBM437 = Charset.forName("IBM437");

    private final String name;
    private final ZipFile zip;
    private final Enumeration<? extends ZipEntry> entries;
    private final IntakeLimits limits;
    private int handedOut;

    ZipFiles(Path path, String name, IntakeLimits limits) {
        this.name = name;
        this.limits = limits;
        this.zip = openZip(path, name);
        if (zip.size() > limits.maximumEntries()) {
            close();
            throw new SelfdataException(ErrorCode.TOO_LARGE, name + ": the archive holds more than " + limits.maximumEntries()
                    + " entries, the limit of one import");
        }
        this.entries = zip.entries();
    }

    private static ZipFile openZip(Path path, String name) {
        try {
            return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        }
        catch (ZipException e) {
            try {
                return new ZipFile(path.toFile(), IBM437);
            }
            catch (IOException again) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, name + ": the zip archive is damaged or incomplete", again);
            }
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, name + ": the zip archive could not be read", e);
        }
    }

    @Override
    public boolean single() {
        return false;
    }

    @Override
    public Optional<FileEntry> next() {
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            handedOut++;
            return Optional.of(new FileEntry(name + ImportRequest.ARCHIVE_SEPARATOR + entryPath(entry, handedOut),
                    entry.getSize(), () -> zip.getInputStream(entry)));
        }
        return Optional.empty();
    }

    /** The entry's path, made safe to show: no leading slash, no control characters, bounded. */
    private static String entryPath(ZipEntry entry, int number) {
        String path = entry.getName().replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        path = path.codePoints().map(character -> Character.isISOControl(character) ? '?' : character)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (path.isEmpty() || path.length() > 512) {
            return "entry " + number;
        }
        return path;
    }

    @Override
    public void close() {
        try {
            zip.close();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, name + ": the archive could not be closed", e);
        }
    }
}
