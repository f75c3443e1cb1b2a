package org.selfdata.rights;

import static java.util.Objects.requireNonNull;

/**
 * The identity document a person chose to enclose with a drafted request, as the desk shows it: never required, given
 * only when an organization has reasonable doubts about who the person is (art. 12(6)), and the letter then asks for
 * its deletion.
 *
 * @param name its file name as the person gave it
 * @param mediaType application/pdf, image/jpeg or image/png, as its content says
 * @param size its size in bytes
 * @param sha256 the lower-case hexadecimal SHA-256 of its bytes, which the log entry of the sent step will hold
 */
public record IdentityDocument(String name, String mediaType, long size, String sha256) {
    /** The largest identity document the desk keeps: a scan or a photograph of a card or a passport fits well. */
    public static final long MAXIMUM_SIZE = 10L * 1024 * 1024;

    public IdentityDocument {
        requireNonNull(name, "name is null");
        requireNonNull(mediaType, "mediaType is null");
        requireNonNull(sha256, "sha256 is null");
    }
}
