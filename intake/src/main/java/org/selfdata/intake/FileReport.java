package org.selfdata.intake;

import org.selfdata.importers.FileNote;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What became of one file, or of one entry of an archive or folder: imported as a batch, read but not written since
 * another entry refused a strict import, not recognized by any importer, or refused.
 */
public sealed interface FileReport {
    /** The file's name, or the archive's name and the entry's path ({@code takeout.zip!/Takeout/Records.json}). */
    String file();

    /**
     * A file imported as one batch.
     *
     * @param covered the time its records span, read or not already held; empty when it held no record
     * @param notes what its reading noticed that the person should know, such as a statement without transactions
     */
    record Imported(String file, String format, SourceDescriptor source, ImportBatch batch, Optional<TimeSpan> covered,
            List<FileNote> notes, Duration took) implements FileReport {
        public Imported {
            requireNonNull(file, "file is null");
            requireNonNull(format, "format is null");
            requireNonNull(source, "source is null");
            requireNonNull(batch, "batch is null");
            requireNonNull(covered, "covered is null");
            notes = List.copyOf(requireNonNull(notes, "notes is null"));
            requireNonNull(took, "took is null");
        }
    }

    /**
     * An entry of an archive or folder that was read whole, but whose records were not written, since another entry
     * could not be read and a strict import lands whole or not at all: what it would have added.
     *
     * @param added the records the vault did not hold yet
     * @param duplicates the records the vault already held
     */
    record Unwritten(String file, String format, SourceDescriptor source, long added, long duplicates)
            implements FileReport {
        public Unwritten {
            requireNonNull(file, "file is null");
            requireNonNull(format, "format is null");
            requireNonNull(source, "source is null");
        }
    }

    /** An entry of an archive or folder that no importer recognizes: reported by name, and left alone. */
    record NotRecognized(String file) implements FileReport {
        public NotRecognized {
            requireNonNull(file, "file is null");
        }
    }

    /**
     * An entry that could not be read, or of which no record could be read: nothing of it was written. In a lenient
     * import the other entries were; in a strict one none was, and the import was refused.
     */
    record Failed(String file, SelfdataException failure) implements FileReport {
        public Failed {
            requireNonNull(file, "file is null");
            requireNonNull(failure, "failure is null");
        }

        public ErrorCode code() {
            return failure.code();
        }

        /** What went wrong, in English, for logs and the JSON report's detail. */
        public String message() {
            return failure.getMessage();
        }
    }
}
