package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Files that ship inside the server's jar, read once when the server starts. */
final class ClasspathResources {
    private ClasspathResources() {}

    /** A file that may be missing, such as one a request names. */
    static Optional<byte[]> find(String name) {
        try (InputStream input = ClasspathResources.class.getResourceAsStream(name)) {
            return input == null ? Optional.empty() : Optional.of(input.readAllBytes());
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot read the server's resource " + name, e);
        }
    }

    static byte[] read(String name) {
        try (InputStream input = ClasspathResources.class.getResourceAsStream(name)) {
            if (input == null) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the server's resource " + name + " is missing from its jar");
            }
            return input.readAllBytes();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot read the server's resource " + name, e);
        }
    }
}
