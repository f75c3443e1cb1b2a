package org.selfdata.rights;

import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.texts.Language;
import org.selfdata.vault.Vault;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Camille's access request as her log recorded it: five entries, of which the letter sent (entry 1), its receipt
 * (entry 2) and the incomplete answer with two files (entry 4) are steps of the request. The entries use the log's
 * existing actions; what they are matters less than their bytes, which the pack copies as they are.
 */
final class SampleRequest {
    static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] LETTER = "%PDF-1.7 access request under article 15\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] ANSWER = "From: dpo@example.org\r\nSubject: Re: SD-7K3Q\r\n\r\nYour data.\r\n"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] EXPORT = "date,amount\n2026-01-03,12.50\n".getBytes(StandardCharsets.UTF_8);
    static final String REFERENCE = "SD-7K3Q";

    private SampleRequest() {}

    /** Appends the five entries to Camille's log. */
    static void logged(Vault vault, PersonId person) {
        vault.log().appendAll(person, List.of(
                LogEntryDraft.of(new LogActor.Owner(), LogAction.IMPORT, Set.of(), 3),
                LogEntryDraft.of(new LogActor.Owner(), LogAction.EXPORT, Set.of(), 0),
                LogEntryDraft.of(new LogActor.Owner(), LogAction.EXPORT, Set.of(), 1),
                LogEntryDraft.of(new LogActor.Owner(), LogAction.READ, Set.of(), 2),
                LogEntryDraft.of(new LogActor.Owner(), LogAction.IMPORT, Set.of(), 2)));
    }

    static EvidenceRequest request(PersonId person, Language language) {
        return new EvidenceRequest(person, REFERENCE, language, List.of(
                new EvidenceStep(LocalDate.of(2026, 1, 5), RequestStatus.SENT, "Access request sent by e-mail",
                        List.of(document("Demande d’accès.pdf", LETTER)), 1),
                new EvidenceStep(LocalDate.of(2026, 1, 6), RequestStatus.RECEIVED, "Delivered to the organization's server",
                        List.of(), 2),
                new EvidenceStep(LocalDate.of(2026, 2, 4), RequestStatus.ANSWERED_INCOMPLETE,
                        "Answer with an export, without the recipients", List.of(document("answer.eml", ANSWER),
                        document("../export/données client.csv", EXPORT)), 4)));
    }

    static EvidenceDocument document(String name, byte[] bytes) {
        return new EvidenceDocument(name, () -> new ByteArrayInputStream(bytes));
    }
}
