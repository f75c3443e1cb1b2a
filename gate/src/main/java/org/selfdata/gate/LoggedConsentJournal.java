package org.selfdata.gate;

import org.selfdata.model.Grant;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.vault.ConsentReceiptArchive;
import org.selfdata.vault.TransparencyLog;

import static java.util.Objects.requireNonNull;

/**
 * Writes each grant given and each withdrawal where the person will look for it: the receipt in the vault's archive
 * of receipts, and an entry on the transparency log naming the grant, its recipient's purpose, the types it covers
 * and the precision it allows.
 */
final class LoggedConsentJournal implements ConsentJournal {
    private final TransparencyLog log;
    private final ConsentReceiptArchive receipts;

    LoggedConsentJournal(TransparencyLog log, ConsentReceiptArchive receipts) {
        this.log = requireNonNull(log, "log is null");
        this.receipts = requireNonNull(receipts, "receipts is null");
    }

    @Override
    public void record(ConsentEvent event, Grant grant, ConsentReceipt receipt) {
        receipts.keep(grant.person(), grant.id(), new ConsentReceiptArchive.KeptReceipt(receipt.id(), event.term(),
                receipt.issuedAt(), receipt.jws()));
        LogAction action = switch (event) {
            case GIVEN -> LogAction.GRANT;
            case WITHDRAWN -> LogAction.WITHDRAWAL;
        };
        log.append(grant.person(), LogEntryDraft.of(new LogActor.Owner(), action, GrantScope.readableTypes(grant.terms()), 0)
                .withGrant(grant.id())
                .withPurpose(grant.terms().purpose().term())
                .withPrecision(grant.terms().precision().describe()));
    }
}
