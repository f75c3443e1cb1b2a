package org.selfdata.gate;

import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.vault.Grants;
import org.selfdata.vault.Vault;
import org.selfdata.vault.Recipients;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * What a person does with their consent: see what a recipient would be given, give a grant, withdraw one. A grant is
 * given only within the recipient's declaration; each grant and withdrawal is stored with its signed receipt and its
 * entry on the person's log, in one transaction.
 *
 * <p>The receipt is signed inside the transaction that stores the grant or its withdrawal, from the grant as stored,
 * and kept with it: a crash leaves all of it or none.
 */
public final class Sharing {
    private final Recipients recipients;
    private final Grants grants;
    private final Consent consent;
    private final ConsentReceipts receipts;

    public Sharing(Recipients recipients, Grants grants, Consent consent, ConsentReceipts receipts) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.consent = requireNonNull(consent, "consent is null");
        this.receipts = requireNonNull(receipts, "receipts is null");
    }

    /**
     * Sharing over a vault: consent checked against its recipients' declarations, receipts signed with its key, and
     * every grant and withdrawal kept with its receipt and written on the person's transparency log. The receipts name
     * their terms and notice beneath the vault's address where it serves them ({@link ReceiptAddresses#servedAt}), or,
     * where that is not known, {@link ReceiptAddresses#unserved() as unserved}.
     */
    public static Sharing over(Vault vault, Clock clock, ReceiptAddresses addresses) {
        return new Sharing(vault.recipients(), vault.grants(), new Consent(vault.recipients(), clock),
                new ConsentReceipts(vault.signingKey().signer(), vault.signingKey().keyId(), addresses));
    }

    /**
     * Sharing over a vault whose address is not known here, as on the command line or in a demonstration: its receipts
     * name their terms and notice {@link ReceiptAddresses#unserved() as unserved}.
     */
    public static Sharing over(Vault vault, Clock clock) {
        return over(vault, clock, ReceiptAddresses.unserved());
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
                Recipient recipient = recipients.get(acceptance.terms().recipient());
                AtomicReference<ConsentReceipt> receipt = new AtomicReference<>();
                Grant grant = grants.give(person, acceptance.terms(), stored -> {
                    receipt.set(receipts.given(stored, recipient));
                    return ConsentAttestations.of(ConsentEvent.GIVEN, stored, receipt.get());
                });
                yield new ReceiptedGrant(grant, receipt.get());
            }
        };
    }

    /** Withdraws a grant from the very next request on. */
    public ReceiptedGrant withdraw(PersonId person, GrantId id) {
        Recipient recipient = recipients.get(grants.get(person, id).terms().recipient());
        AtomicReference<ConsentReceipt> receipt = new AtomicReference<>();
        Grant grant = grants.withdraw(person, id, withdrawn -> {
            receipt.set(receipts.withdrawn(withdrawn, recipient));
            return ConsentAttestations.of(ConsentEvent.WITHDRAWN, withdrawn, receipt.get());
        });
        return new ReceiptedGrant(grant, receipt.get());
    }

    /** The person's grants, newest first, whatever their status. */
    public List<Grant> grants(PersonId person) {
        return grants.list(person);
    }
}
