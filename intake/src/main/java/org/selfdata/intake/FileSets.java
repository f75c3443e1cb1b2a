package org.selfdata.intake;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.SealedFile;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Tells what a path holds (one file, a zip, a folder) and opens it as the {@link FileSet} that reads it. */
final class FileSets {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};

    private FileSets() {}

    /**
     * @param displayName the name reports use for the path: its own name, never the folders above it, which say
     *     things about the person's machine
     */
    static FileSet open(Path path, String displayName, IntakeLimits limits) {
        if (Files.isDirectory(path)) {
            return new FolderFiles(path, displayName, limits);
        }
        if (!Files.isRegularFile(path)) {
            if (Files.exists(path)) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.intake.notFileNorFolder", displayName));
            }
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.intake.noFile", displayName));
        }
        if (isZip(() -> Files.newInputStream(path), displayName)) {
            return new ZipFiles(() -> Files.newByteChannel(path), displayName, limits);
        }
        long size;
        try {
            size = Files.size(path);
        }
        catch (IOException e) {
            size = -1;
        }
        return new SingleFile(displayName, size, () -> Files.newInputStream(path));
    }

    /** Opens an upload that waits sealed in the vault's in-progress folder, as it would open the file itself. */
    static FileSet open(SealedFile file, String displayName, IntakeLimits limits) {
        if (isZip(file::read, displayName)) {
            return new ZipFiles(file::readAtRandom, displayName, limits);
        }
        return new SingleFile(displayName, file.size(), file::read);
    }

    private static boolean isZip(FileEntry.Opener opener, String displayName) {
        byte[] signature;
        try (InputStream in = opener.open()) {
            signature = in.readNBytes(4);
        }
        catch (NoSuchFileException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.intake.noFile", displayName), e);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.input.at", displayName,
                    Wording.of("error.file.notRead")), e);
        }
        return Arrays.equals(signature, ZIP) || Arrays.equals(signature, EMPTY_ZIP);
    }

    /** One file, read as it is. */
    private static final class SingleFile implements FileSet {
        private final String name;
        private final long size;
        private final FileEntry.Opener opener;
        private boolean handedOut;

        SingleFile(String name, long size, FileEntry.Opener opener) {
            this.name = name;
            this.size = size;
            this.opener = opener;
        }

        @Override
        public boolean single() {
            return true;
        }

        @Override
        public Optional<FileEntry> next() {
            if (handedOut) {
                return Optional.empty();
            }
            handedOut = true;
            return Optional.of(new FileEntry(name, size, opener));
        }

        @Override
        public void close() {}
    }
}
