package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.texts.Wording;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the vault needs to know about a file besides its records.
 *
 * @param fileName the file's name without the folder it was in, or, for an entry of an archive, the archive's name and
 *     the entry's path inside it ({@code takeout.zip!/Takeout/Location History/Records.json}); sealed in the batch so
 *     the person can tell batches apart
 * @param flow how the import goes on the transparency log when it is not the person's own: an organization's push
 *     names its recipient, grant and purpose here, and the vault adds the types, count, span and source
 */
public record ImportRequest(SourceDescriptor source, String format, String fileName, Optional<LogEntryDraft> flow) {
    /** What separates an archive's name from the path of one of its entries. */
    public static final String ARCHIVE_SEPARATOR = "!/";
    private static final int MAXIMUM_LENGTH = 1_024;

    public ImportRequest {
        requireNonNull(source, "source is null");
        requireNonNull(format, "format is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(flow, "flow is null");
        int archiveEntry = fileName.indexOf(ARCHIVE_SEPARATOR);
        String name = archiveEntry < 0 ? fileName : fileName.substring(0, archiveEntry);
        if (fileName.isBlank() || fileName.length() > MAXIMUM_LENGTH || name.contains("/") || name.contains("\\")
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.fileName", Integer.toString(MAXIMUM_LENGTH)));
        }
    }

    /** A file the person imports themselves: logged as their import. */
    public ImportRequest(SourceDescriptor source, String format, String fileName) {
        this(source, format, fileName, Optional.empty());
    }
}
