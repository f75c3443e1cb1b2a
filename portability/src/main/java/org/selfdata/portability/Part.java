package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * One file inside an export archive, as the manifest describes it.
 *
 * @param size the part's length in bytes, uncompressed
 * @param sha256 the SHA-256 of the part's bytes, in lower-case hexadecimal
 */
public record Part(String name, long size, String sha256) {
    public Part {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        if (size < 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.portability.partSizeNegative", Long.toString(size)));
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.portability.partDigestDigits"));
        }
    }
}
