package org.selfdata.gate;

import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.vault.Grants;
import org.selfdata.vault.Vault;
import org.selfdata.vault.Recipients;

import java.time.Clock;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a person does with their consent: see what a recipient would be given, give a grant, withdraw one. A grant is
 * given only within the recipient's declaration; each grant and withdrawal is receipted and written to the journal.
 *
 * <p>A withdrawal is stored before its receipt is signed, so that nothing, not even a failing signature, delays it.
 */
public final class Sharing {
    private final Recipients recipients;
    private final Grants grants;
    private final Consent consent;
    private final ConsentReceipts receipts;
    private final ConsentJournal journal;

    public Sharing(Recipients recipients, Grants grants, Consent consent, ConsentReceipts receipts, ConsentJournal journal) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.consent = requireNonNull(consent, "consent is null");
        this.receipts = requireNonNull(receipts, "receipts is null");
        this.journal = requireNonNull(journal, "journal is null");
    }

    /**
     * Sharing over a vault: consent checked against its recipients' declarations, receipts signed with its key, and
     * every grant and withdrawal kept with its receipt and written on the person's transparency log.
     */
    public static Sharing over(Vault vault, Clock clock) {
        return new Sharing(vault.recipients(), vault.grants(), new Consent(vault.recipients(), clock),
                new ConsentReceipts(vault.signingKey().signer(), vault.signingKey().keyId()),
                new LoggedConsentJournal(vault.log(), vault.receipts()));
    }

    /** The terms to show the person for a recipient's declared purpose, before they choose. */
    public GrantTerms offer(RecipientId recipient, Purpose purpose) {
        return consent.offer(recipient, purpose);
    }

    /** Gives the grant if the recipient's declaration justifies it; otherwise says why not, and what it would justify. */
    public GrantOutcome give(PersonId person, GrantTerms terms) {
        requireNonNull(person, "person is null");
        return switch (consent.check(terms)) {
            case Refusal refusal -> refusal;
            case ConsentCheck.Acceptance acceptance -> {
                Grant grant = grants.give(person, acceptance.terms());
                ConsentReceipt receipt = receipts.given(grant, recipients.get(grant.terms().recipient()));
                journal.record(ConsentEvent.GIVEN, grant, receipt);
                yield new ReceiptedGrant(grant, receipt);
            }
        };
    }

    /** Withdraws a grant from the very next request on. */
    public ReceiptedGrant withdraw(PersonId person, GrantId id) {
        Grant grant = grants.withdraw(person, id);
        ConsentReceipt receipt = receipts.withdrawn(grant, recipients.get(grant.terms().recipient()));
        journal.record(ConsentEvent.WITHDRAWN, grant, receipt);
        return new ReceiptedGrant(grant, receipt);
    }

    /** The person's grants, newest first, whatever their status. */
    public List<Grant> grants(PersonId person) {
        return grants.list(person);
    }
}
