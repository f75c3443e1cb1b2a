package org.selfdata.rights;

import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Datenanfragen.de company database in {@code ../shared/directory}, beside the clone, read in place as the
 * corpus is. Tests that need it skip, saying why, on a fresh clone where it is absent: the shipped directory is all a
 * build needs.
 */
final class DatenanfragenDatabase {
    /** The system property naming the folder that holds {@code datenanfragen/}; the build sets it. */
    static final String PROPERTY = "selfdata.directory";

    private DatenanfragenDatabase() {}

    /** The database's folder, the one holding companies/ and supervisory-authorities/; skips the test when absent. */
    static Path folder() {
        Path root = Path.of(System.getProperty(PROPERTY, "../shared/directory")).toAbsolutePath().normalize();
        Path database = root.resolve("datenanfragen");
        if (!Files.isDirectory(database.resolve("companies"))) {
            throw new TestAbortedException("Assumption failed: " + database
                    + " is absent, so the shipped directory cannot be compared with its source");
        }
        return database;
    }
}
