package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RightsIdentityDocuments;
import org.selfdata.vault.RightsRequests;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The identity document of a drafted request: one at most, a PDF, JPEG or PNG of 10 MiB at most, its type read from
 * its first bytes and never taken from what the upload says. It is kept sealed in the vault while the request is a
 * draft; the step that sends the request carries it among its documents, withheld from the evidence pack.
 */
final class IdentityDocuments {
    /** A kind of file an identity document may be, by the bytes it starts with. */
    private record Kind(String mediaType, byte[] signature) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
            new Kind("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            new Kind("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}));

    private final RightsIdentityDocuments store;

    IdentityDocuments(RightsIdentityDocuments store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** Keeps the document for the drafted request, in place of any before it, once its name, size and type pass. */
    IdentityDocument attach(PersonId person, String request, String name, byte[] content) {
        String mediaType = check(name, content);
        return view(store.save(person, request, name, new RightsRequests.NewDocument(mediaType, content)));
    }

    /** Refuses a name, a size or a content an identity document may not have; its media type, read from its bytes. */
    static String check(String name, byte[] content) {
        requireNonNull(content, "content is null");
        Requests.requireName(name);
        if (content.length > IdentityDocument.MAXIMUM_SIZE) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.identity.tooLarge",
                    IdentityDocument.MAXIMUM_SIZE / (1024 * 1024)));
        }
        return mediaType(content).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.rights.identity.type")));
    }

    /** Forgets the document of the drafted request, if it has one. */
    void remove(PersonId person, String request) {
        store.remove(person, request);
    }

    Optional<IdentityDocument> find(PersonId person, String request) {
        return store.find(person, request).map(IdentityDocuments::view);
    }

    /** The document with its bytes, as a step's attachment the evidence pack withholds. */
    Optional<Requests.Attachment> attachment(PersonId person, String request) {
        return store.open(person, request).map(opened -> new Requests.Attachment(opened.document().name(),
                opened.document().mediaType(), opened.content(), true));
    }

    /** The media type the content's first bytes say, if it is a kind an identity document may be. */
    static Optional<String> mediaType(byte[] content) {
        return KINDS.stream().filter(kind -> content.length >= kind.signature().length
                && Arrays.equals(content, 0, kind.signature().length, kind.signature(), 0, kind.signature().length))
                .map(Kind::mediaType).findFirst();
    }

    private static IdentityDocument view(RightsIdentityDocuments.KeptIdentityDocument kept) {
        return new IdentityDocument(kept.name(), kept.mediaType(), kept.size(), kept.sha256());
    }
}
