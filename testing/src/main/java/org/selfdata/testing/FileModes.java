package org.selfdata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The POSIX modes of everything under a folder, the folder included, as {@code ls -l} writes them. */
public final class FileModes {
    private FileModes() {}

    /** Each path relative to {@code folder} ({@code "."} for the folder itself) with its mode, such as {@code rw-------}. */
    public static Map<String, String> under(Path folder) {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                String name = path.equals(folder) ? "." : folder.relativize(path).toString();
                modes.put(name, mode(path));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modes;
    }

    public static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a mode such as {@code rwxr-xr-x}, as someone's {@code chmod} would have. */
    public static void set(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
