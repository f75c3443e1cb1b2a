package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;

import static java.util.Objects.requireNonNull;

/**
 * What the vault needs to know about a file besides its records.
 *
 * @param fileName the file's name without its folder, sealed in the batch so the person can tell batches apart
 */
public record ImportRequest(SourceDescriptor source, String format, String fileName) {
    public ImportRequest {
        requireNonNull(source, "source is null");
        requireNonNull(format, "format is null");
        requireNonNull(fileName, "fileName is null");
        if (fileName.isBlank() || fileName.length() > 255 || fileName.contains("/") || fileName.contains("\\")) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "a file name must be 1 to 255 characters, without a folder");
        }
    }
}
