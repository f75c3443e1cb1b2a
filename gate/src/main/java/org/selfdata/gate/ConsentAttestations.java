package org.selfdata.gate;

import org.selfdata.model.Grant;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.vault.ConsentReceiptArchive;
import org.selfdata.vault.Grants;

/**
 * What goes with each grant given and each withdrawal, in its transaction: the receipt, kept for the person, and an
 * entry on their log naming the grant, its purpose, the types it covers and the precision it allows.
 */
final class ConsentAttestations {
    private ConsentAttestations() {}

    static Grants.Attestation of(ConsentEvent event, Grant grant, ConsentReceipt receipt) {
        LogAction action = switch (event) {
            case GIVEN -> LogAction.GRANT;
            case WITHDRAWN -> LogAction.WITHDRAWAL;
        };
        return new Grants.Attestation(
                new ConsentReceiptArchive.KeptReceipt(receipt.id(), event.term(), receipt.issuedAt(), receipt.jws()),
                LogEntryDraft.of(new LogActor.Owner(), action, GrantScope.readableTypes(grant.terms()), 0)
                        .withGrant(grant.id())
                        .withPurpose(grant.terms().purpose().term())
                        .withPrecision(grant.terms().precision().describe()));
    }
}
