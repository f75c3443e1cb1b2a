package org.selfdata.vault;

import com.nimbusds.jose.jwk.ECKey;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.PersonId;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.DECLARATION;
import static org.selfdata.vault.VaultTables.DECLARATION_VERSION;
import static org.selfdata.vault.VaultTables.DECLARED_AT;
import static org.selfdata.vault.VaultTables.GIVEN_AT;
import static org.selfdata.vault.VaultTables.GRANTS;
import static org.selfdata.vault.VaultTables.GRANT_ID;
import static org.selfdata.vault.VaultTables.GRANT_WITHDRAWALS;
import static org.selfdata.vault.VaultTables.IDENTITY;
import static org.selfdata.vault.VaultTables.KIND;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECIPIENTS;
import static org.selfdata.vault.VaultTables.RECIPIENTS_AWAITING_ADMISSION;
import static org.selfdata.vault.VaultTables.RECIPIENT_DECLARATIONS;
import static org.selfdata.vault.VaultTables.RECIPIENT_ID;
import static org.selfdata.vault.VaultTables.REDIRECT_URIS;
import static org.selfdata.vault.VaultTables.REGISTERED_AT;
import static org.selfdata.vault.VaultTables.RESTORED_AT;
import static org.selfdata.vault.VaultTables.TERMS;
import static org.selfdata.vault.VaultTables.VALID_UNTIL;
import static org.selfdata.vault.VaultTables.VERSION;
import static org.selfdata.vault.VaultTables.WITHDRAWN_AT;

/**
 * Writes back, in the restore's transaction, the recipients a person's grants name, the grants with their ids, times
 * and withdrawals, and their receipts exactly as signed.
 *
 * <p>A recipient is vault-wide while the archive is the person's, so a restore brings recipients back as evidence,
 * never as an admission. One the vault already has, under the same id, must be the very one the archive describes,
 * declaration by declaration: a declaration is never changed, so a different one is a foreign or altered archive, and
 * taking it as a new version would let an archive declare on the recipient's behalf what other people's grants are
 * then checked against. One the vault does not have comes back with its declarations; restored by the operator, who
 * admits recipients, it is admitted, and restored by anyone else it awaits the operator's admission, unlisted and
 * unable to ask for or use a grant.
 */
final class SharingRestoration {
    private final DSLContext dsl;
    private final PersonId person;
    private final String vaultKeyId;
    private final boolean operator;
    private final Instant now;
    private final Map<RecipientId, Set<Integer>> declarations = new HashMap<>();
    private final Set<GrantId> grants = new HashSet<>();

    SharingRestoration(DSLContext dsl, PersonId person, String vaultKeyId, Instant now) {
        this.dsl = requireNonNull(dsl, "dsl is null");
        this.person = requireNonNull(person, "person is null");
        this.vaultKeyId = requireNonNull(vaultKeyId, "vaultKeyId is null");
        this.now = requireNonNull(now, "now is null");
        this.operator = Recipients.isOperator(dsl, person);
    }

    void recipient(Recipients.Registration registration) {
        RecipientId id = registration.recipient().id();
        if (declarations.containsKey(id)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.vault.restoredRecipientTwice", id.value()));
        }
        Optional<Record> existing = dsl.select(VaultTables.columns(RECIPIENTS)).from(RECIPIENTS)
                .where(RECIPIENT_ID.eq(id.value())).fetchOptional();
        if (existing.isPresent()) {
            match(registration, existing.get());
        }
        else {
            admitAsEvidence(registration);
        }
        Set<Integer> versions = new HashSet<>();
        registration.declarations().forEach(declared -> versions.add(declared.declaration().version()));
        declarations.put(id, versions);
    }

    private void match(Recipients.Registration registration, Record existing) {
        RecipientId id = registration.recipient().id();
        if (!Recipients.recipient(existing).equals(registration.recipient())
                || existing.get(REGISTERED_AT) != registration.registeredAt().toEpochMilli()) {
            throw differs(id, Wording.of("error.vault.recipientDiffersIdentity"));
        }
        for (Recipients.Declared declared : registration.declarations()) {
            int version = declared.declaration().version();
            Optional<Record2<String, Long>> kept = dsl.select(DECLARATION, DECLARED_AT).from(RECIPIENT_DECLARATIONS)
                    .where(RECIPIENT_ID.eq(id.value()).and(VERSION.eq(version))).fetchOptional();
            if (kept.isEmpty()) {
                throw differs(id, Wording.of("error.vault.recipientDiffersUnmade", Integer.toString(version)));
            }
            if (!kept.get().get(DECLARATION).equals(SharingJson.declaration(declared.declaration()))
                    || kept.get().get(DECLARED_AT) != declared.declaredAt().toEpochMilli()) {
                throw differs(id, Wording.of("error.vault.recipientDiffersVersion", Integer.toString(version)));
            }
        }
    }

    private void admitAsEvidence(Recipients.Registration registration) {
        RecipientId id = registration.recipient().id();
        dsl.insertInto(RECIPIENTS)
                .set(RECIPIENT_ID, id.value())
                .set(KIND, registration.recipient().kind().term())
                .set(IDENTITY, SharingJson.identity(registration.recipient().identity()))
                .set(REDIRECT_URIS, SharingJson.redirectUris(registration.recipient().redirectUris()))
                .set(REGISTERED_AT, registration.registeredAt().toEpochMilli())
                .execute();
        for (Recipients.Declared declared : registration.declarations()) {
            ProcessingDeclaration declaration = declared.declaration();
            dsl.insertInto(RECIPIENT_DECLARATIONS)
                    .set(RECIPIENT_ID, id.value())
                    .set(VERSION, declaration.version())
                    .set(DECLARATION, SharingJson.declaration(declaration))
                    .set(DECLARED_AT, declared.declaredAt().toEpochMilli())
                    .execute();
        }
        if (!operator) {
            dsl.insertInto(RECIPIENTS_AWAITING_ADMISSION)
                    .set(RECIPIENT_ID, id.value())
                    .set(RESTORED_AT, now.toEpochMilli())
                    .execute();
        }
    }

    /** A grant as the person gave it, and withdrew it if they did; its recipient and declaration come first. */
    void grant(Grant grant) {
        RecipientId recipient = grant.terms().recipient();
        int version = grant.terms().declarationVersion();
        if (!declarations.getOrDefault(recipient, Set.of()).contains(version)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.vault.restoredGrantDeclaration",
                    grant.id().value(), Integer.toString(version), recipient.value()));
        }
        int inserted = dsl.insertInto(GRANTS)
                .set(PERSON_ID, person.value())
                .set(GRANT_ID, grant.id().value())
                .set(RECIPIENT_ID, recipient.value())
                .set(DECLARATION_VERSION, version)
                .set(KIND, grant.terms().kind().term())
                .set(TERMS, SharingJson.terms(grant.terms()))
                .set(GIVEN_AT, grant.givenAt().toEpochMilli())
                .set(VALID_UNTIL, grant.terms().validUntil().toEpochMilli())
                .onConflictDoNothing()
                .execute();
        if (inserted != 1) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.restoredGrantHeld", grant.id().value()));
        }
        grant.withdrawnAt().ifPresent(withdrawnAt -> dsl.insertInto(GRANT_WITHDRAWALS)
                .set(PERSON_ID, person.value())
                .set(GRANT_ID, grant.id().value())
                .set(WITHDRAWN_AT, withdrawnAt.toEpochMilli())
                .execute());
        grants.add(grant.id());
    }

    /** A receipt exactly as signed, of a grant already written, with the public key that signed it. */
    void receipt(GrantId grant, ConsentReceiptArchive.KeptReceipt receipt, ECKey signer) {
        if (!grants.contains(grant)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.vault.restoredReceiptGrant", receipt.id(), grant.value()));
        }
        ConsentReceiptArchive.keepRestored(dsl, person, grant, receipt, signer, vaultKeyId);
    }

    private static SelfdataException differs(RecipientId id, Wording what) {
        return new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.recipientDiffers", id.value(), what));
    }
}
