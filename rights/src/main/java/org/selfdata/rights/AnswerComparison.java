package org.selfdata.rights;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.SourceKind;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Reads what a request's answer brought into the vault (the records under the answer's source, read as the owner
 * through the gate) and what the vault knows the organization declared and received, for
 * {@link DeclaredAgainstObserved}. The organization is a recipient registered with selfdata when one bears its name.
 */
public final class AnswerComparison {
    private static final Set<RequestStatus> ANSWERS = Set.of(RequestStatus.ANSWERED_COMPLETE,
            RequestStatus.ANSWERED_INCOMPLETE);

    private final Vault vault;
    private final Gate gate;

    public AnswerComparison(Vault vault, Gate gate) {
        this.vault = requireNonNull(vault, "vault is null");
        this.gate = requireNonNull(gate, "gate is null");
    }

    /**
     * The recipient registered with selfdata under this organization's name, as its name or legal name, when exactly
     * one is: two recipients of one name leave the person to say which.
     */
    public Optional<RecipientId> recipientNamed(String organization) {
        String name = SearchText.nameKey(organization);
        List<RecipientId> named = vault.recipients().list().stream()
                .filter(recipient -> SearchText.nameKey(recipient.identity().name()).equals(name)
                        || SearchText.nameKey(recipient.identity().legalName()).equals(name))
                .map(Recipient::id).toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    /**
     * The differences between the request's last answer and what the recipient declared and was given; none when the
     * request has no answer yet or its answer brought no records.
     */
    public List<DeclaredAgainstObserved.Difference> compare(PersonId person, Timeline timeline, RecipientId recipient) {
        Optional<RequestEvent> answer = timeline.events().stream().filter(event -> ANSWERS.contains(event.status()))
                .reduce((first, second) -> second);
        if (answer.isEmpty()) {
            return List.of();
        }
        Person owner = vault.people().get(person);
        ObservedRecords observed = observe(owner, timeline.request().reference());
        DeclaredAgainstObserved.Declared declared = new DeclaredAgainstObserved.Declared(recipient,
                vault.recipients().currentDeclaration(recipient), vault.grants().list(person, recipient),
                recipientLog(person));
        return DeclaredAgainstObserved.compare(declared, observed, answer.get().happenedOn(), owner.zone());
    }

    private ObservedRecords observe(Person owner, String reference) {
        ObservedRecords observed = new ObservedRecords(owner.zone());
        List<SourceId> sources = vault.imports().sources(owner.id()).stream()
                .filter(source -> source.descriptor().kind() == SourceKind.ANSWER
                        && source.descriptor().label().equals(reference))
                .map(Source::id).toList();
        for (VaultStatus.Coverage coverage : vault.status(owner.id()).coverage()) {
            if (!sources.contains(coverage.source())) {
                continue;
            }
            RecordQuery query = RecordQuery.ofType(coverage.type());
            Optional<TimeSpan> span = coverage.totals().span();
            if (span.isPresent()) {
                query = query.between(Optional.of(span.get().start()), Optional.of(span.get().end().plusSeconds(1)));
            }
            try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(owner.id()), query)) {
                records.filter(record -> record.provenance().source().equals(coverage.source())).forEach(observed::add);
            }
        }
        return observed;
    }

    private List<LogEntry> recipientLog(PersonId person) {
        return PersonLog.matching(vault, person, entry -> entry.draft().actor() instanceof LogActor.Recipient);
    }
}
