package org.selfdata.intake;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.ImportRequest;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a folder and its subfolders, such as an unzipped Facebook or Takeout archive, in the order of their
 * paths so that an import is repeatable. Symbolic links are not followed: a folder someone hands over cannot make
 * an import read files elsewhere on the machine.
 */
final class FolderFiles implements FileSet {
    private final Path root;
    private final String name;
    private final Iterator<Path> files;

    FolderFiles(Path root, String name, IntakeLimits limits) {
        this.root = root;
        this.name = name;
        List<Path> found;
        try (Stream<Path> walk = Files.walk(root)) {
            found = walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .limit(limits.maximumEntries() + 1L).sorted().toList();
        }
        catch (IOException | UncheckedIOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.input.at", name,
                    Wording.of("error.intake.folderNotRead")), e);
        }
        if (found.size() > limits.maximumEntries()) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.input.at", name,
                    Wording.of("error.intake.tooManyFiles", limits.maximumEntries())));
        }
        this.files = found.iterator();
    }

    @Override
    public boolean single() {
        return false;
    }

    @Override
    public Optional<FileEntry> next() {
        if (!files.hasNext()) {
            return Optional.empty();
        }
        Path file = files.next();
        String relative = root.relativize(file).toString().replace('\\', '/');
        long size;
        try {
            size = Files.size(file);
        }
        catch (IOException e) {
            size = -1;
        }
        return Optional.of(new FileEntry(name + ImportRequest.ARCHIVE_SEPARATOR + relative, size,
                () -> Files.newInputStream(file)));
    }

    @Override
    public void close() {}
}
