package org.selfdata.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The front-end libraries the pages use, each file named once with the place it has in its WebJar. The build writes
 * the versions Maven resolved into {@code vendor.properties}, so that an upgrade is a change of the pom and nothing
 * else.
 */
final class VendorLibraries {
    private VendorLibraries() {}

    static Map<String, String> paths() {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(ClasspathResources.read("/org/selfdata/server/vendor.properties")));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the list of front-end libraries", e);
        }
        Map<String, String> paths = new TreeMap<>();
        properties.forEach((file, resource) -> paths.put((String) file, "/" + resource));
        return Map.copyOf(paths);
    }
}
