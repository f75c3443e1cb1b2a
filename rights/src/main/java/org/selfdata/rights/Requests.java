package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RightsRequests;
import org.selfdata.vault.Vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * The person's rights requests: drafting one, recording each step it goes through with the documents that prove it,
 * and reading them back. Every step is checked against the request's timeline before anything is written (see
 * {@link Lifecycle}), so a refused step changes nothing; an accepted one lands in the vault with its documents and its
 * entry on the person's transparency log in one transaction. Deadlines are not computed here: the timeline gives the
 * days they are counted from.
 */
public final class Requests {
    /** Letters and digits that cannot be mistaken for one another when a reference is read aloud or copied by hand. */
    private static final String REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int MAXIMUM_NOTE_LENGTH = 4_000;
    private static final int MAXIMUM_ABOUT_LENGTH = 1_000;
    private static final int MAXIMUM_NAME_LENGTH = 255;

    /**
     * What the person asks, to draft a request.
     *
     * @param portability for an access request, whether the data the person provided is also asked for (art. 20)
     * @param about what the request is about, in the person's words
     */
    public record Draft(Organization organization, Right right, boolean portability, Optional<String> about,
            Organization.Channel channel, Language language) {
        public Draft {
            requireNonNull(organization, "organization is null");
            requireNonNull(right, "right is null");
            requireNonNull(about, "about is null");
            requireNonNull(channel, "channel is null");
            requireNonNull(language, "language is null");
        }
    }

    /**
     * A step to record.
     *
     * @param happenedOn the day it happened, in the person's time zone: today at the latest
     * @param reasonsGiven for an extension, whether the organization gave its reasons
     */
    public record Step(RequestStatus status, LocalDate happenedOn, Optional<String> note, List<Attachment> documents,
            boolean reasonsGiven) {
        public Step {
            requireNonNull(status, "status is null");
            requireNonNull(happenedOn, "happenedOn is null");
            requireNonNull(note, "note is null");
            documents = List.copyOf(documents);
        }

        /** A step without note, documents or reasons. */
        public static Step of(RequestStatus status, LocalDate happenedOn) {
            return new Step(status, happenedOn, Optional.empty(), List.of(), false);
        }
    }

    /**
     * A document of a step, as sent or received.
     *
     * @param name its file name
     * @param mediaType its media type, such as application/pdf
     * @param withheld whether the evidence pack gives only its digest: the person's identity document, or the message
     *     that carried it, which is not to spread to whoever receives the pack
     */
    public record Attachment(String name, String mediaType, byte[] content, boolean withheld) {
        public Attachment {
            requireNonNull(name, "name is null");
            requireNonNull(mediaType, "mediaType is null");
            requireNonNull(content, "content is null");
        }

        /** A document the evidence pack carries. */
        public Attachment(String name, String mediaType, byte[] content) {
            this(name, mediaType, content, false);
        }
    }

    /** A request and its latest step, as the list of requests shows it. */
    public record Summary(RightsRequest request, RequestEvent latest) {}

    private final Vault vault;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Requests(Vault vault, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Drafts a request: it is kept, with its draft on the log, and nothing is sent. */
    public Timeline open(PersonId person, Draft draft) {
        requireNonNull(person, "person is null");
        requireNonNull(draft, "draft is null");
        draft.about().ifPresent(about -> requireLength(about, MAXIMUM_ABOUT_LENGTH, "error.rights.request.aboutTooLong"));
        if (draft.portability() && draft.right() != Right.ACCESS) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.request.portability"));
        }
        Set<String> taken = list(person).stream().map(summary -> summary.request().reference()).collect(Collectors.toSet());
        String reference = newReference(taken);
        String details = RequestCodec.request(reference, RightsRequest.OrganizationSnapshot.of(draft.organization()),
                draft.right(), draft.portability(), draft.about(), draft.channel(), draft.language());
        LocalDate today = today(person);
        RightsRequests.Appended created = vault.rightsRequests().create(person, details,
                new RightsRequests.NewEvent(RequestStatus.DRAFT.term(), RequestCodec.event(today, Optional.empty(),
                        List.of(), List.of(), false), List.of()), entry(RequestStatus.DRAFT));
        return timeline(person, created.event().request());
    }

    /**
     * Records a step of a request with its documents, once the timeline allows it; refused, it changes nothing.
     *
     * @return the request's timeline with the step
     */
    public Timeline record(PersonId person, String request, Step step) {
        requireNonNull(person, "person is null");
        requireNonNull(step, "step is null");
        Timeline timeline = timeline(person, request);
        Lifecycle.requireAllowed(timeline, step.status(), step.happenedOn(), today(person));
        if (step.reasonsGiven() && step.status() != RequestStatus.EXTENDED) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.request.reasons"));
        }
        step.note().ifPresent(note -> requireLength(note, MAXIMUM_NOTE_LENGTH, "error.rights.request.noteTooLong"));
        step.documents().forEach(document -> requireName(document.name()));
        List<RightsRequests.NewDocument> documents = step.documents().stream()
                .map(document -> new RightsRequests.NewDocument(document.mediaType(), document.content())).toList();
        List<Integer> withheld = IntStream.range(0, step.documents().size())
                .filter(position -> step.documents().get(position).withheld()).boxed().toList();
        String details = RequestCodec.event(step.happenedOn(), step.note(),
                step.documents().stream().map(Attachment::name).toList(), withheld, step.reasonsGiven());
        vault.rightsRequests().append(person, request, timeline.latest().index(),
                new RightsRequests.NewEvent(step.status().term(), details, documents), entry(step.status()));
        return timeline(person, request);
    }

    /** The person's requests, each with its latest step, oldest first. */
    public List<Summary> list(PersonId person) {
        return vault.rightsRequests().list(person).stream()
                .map(stored -> new Summary(RequestCodec.request(stored), RequestCodec.event(stored.latest()))).toList();
    }

    /** One request and every step it went through. */
    public Timeline timeline(PersonId person, String request) {
        requireNonNull(person, "person is null");
        requireNonNull(request, "request is null");
        RightsRequests.StoredRequest stored = vault.rightsRequests().find(person, request)
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.store.noRequest",
                        request)));
        return new Timeline(RequestCodec.request(stored),
                vault.rightsRequests().events(person, request).stream().map(RequestCodec::event).toList());
    }

    /** A document of one of the person's requests, with its bytes. */
    public Optional<RightsRequests.OpenedDocument> document(PersonId person, String document) {
        return vault.rightsRequests().document(person, document);
    }

    private LocalDate today(PersonId person) {
        return LocalDate.now(clock.withZone(vault.people().get(person).zone()));
    }

    private String newReference(Set<String> taken) {
        while (true) {
            StringBuilder reference = new StringBuilder("SD-");
            for (int position = 0; position < 4; position++) {
                reference.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
            }
            if (!taken.contains(reference.toString())) {
                return reference.toString();
            }
        }
    }

    private static LogEntryDraft entry(RequestStatus status) {
        return LogEntryDraft.of(new LogActor.Owner(), Lifecycle.action(status), Set.of(), 0);
    }

    private static void requireLength(String text, int maximum, String key) {
        if (text.length() > maximum) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of(key, Integer.toString(maximum)));
        }
    }

    static void requireName(String name) {
        if (name.isBlank() || name.length() > MAXIMUM_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.request.documentName",
                    Integer.toString(MAXIMUM_NAME_LENGTH)));
        }
    }
}
