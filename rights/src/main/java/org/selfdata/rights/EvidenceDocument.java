package org.selfdata.rights;

import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * A document that proves a step of a request, as the evidence pack carries it: a letter sent, a message or a file
 * received. Its bytes are opened only when the pack is written and streamed into it, never held whole in memory.
 *
 * @param name the document's name as the person knows it, such as "access-request.pdf"; the pack files it under a
 *     safe name of its own and keeps this one in its timeline
 * @param content opens the document's bytes, once per pack
 */
public record EvidenceDocument(String name, Content content) {
    public EvidenceDocument {
        requireNonNull(name, "name is null");
        requireNonNull(content, "content is null");
    }

    /** Where a document's bytes come from: the vault's sealed copy, a file, or bytes in a test. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
