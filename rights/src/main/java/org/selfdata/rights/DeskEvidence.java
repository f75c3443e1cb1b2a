package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Vault;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The evidence of a request as its pack needs it: each step of the timeline with its documents and the log entry that
 * recorded it, the person's identity document and the message that carried it named by their digests alone. Steps and
 * their entries are matched in order: each step was written with exactly one entry naming the
 * request, in the same transaction, so the n-th entry naming the request is the n-th step's.
 */
final class DeskEvidence {
    private static final Set<LogAction> RIGHTS_ACTIONS = Set.of(LogAction.LETTER, LogAction.ANSWER, LogAction.REQUEST);

    private DeskEvidence() {}

    static EvidenceRequest of(Vault vault, Requests requests, PersonId person, Timeline timeline, Language language) {
        List<Long> indices = entries(vault, person, timeline.request().id());
        if (indices.size() != timeline.events().size()) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.rights.desk.stepsWithoutEntries",
                    timeline.request().reference()));
        }
        List<EvidenceStep> steps = new ArrayList<>();
        for (RequestEvent event : timeline.events()) {
            List<EvidenceDocument> documents = event.documents().stream().filter(document -> !document.withheld())
                    .map(document -> new EvidenceDocument(document.name(), () -> new ByteArrayInputStream(requests
                            .document(person, document.id()).orElseThrow().content()))).toList();
            List<EvidenceStep.Withheld> withheld = event.documents().stream().filter(RequestEvent.Document::withheld)
                    .map(document -> new EvidenceStep.Withheld(document.name(), document.sha256(), document.size()))
                    .toList();
            String description = Words.of(language).say(Wording.of(EvidenceTimeline.statusKey(event.status())))
                    + event.note().map(note -> " — " + note).orElse("");
            steps.add(new EvidenceStep(event.happenedOn(), event.status(), description, documents,
                    indices.get(event.index()), withheld));
        }
        return new EvidenceRequest(person, timeline.request().reference(), language, steps);
    }

    private static List<Long> entries(Vault vault, PersonId person, String request) {
        return PersonLog.matching(vault, person, entry -> RIGHTS_ACTIONS.contains(entry.draft().action())
                && entry.draft().requestStep().filter(step -> step.request().equals(request)).isPresent())
                .stream().map(LogEntry::index).toList();
    }
}
