package org.selfdata.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.CONSENT_RECEIPTS;
import static org.selfdata.vault.VaultTables.GRANT_ID;
import static org.selfdata.vault.VaultTables.ISSUED_AT;
import static org.selfdata.vault.VaultTables.JWS;
import static org.selfdata.vault.VaultTables.KEY_ID;
import static org.selfdata.vault.VaultTables.PUBLIC_KEY;
import static org.selfdata.vault.VaultTables.RECEIPT_SIGNERS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECEIPT_EVENT;
import static org.selfdata.vault.VaultTables.RECEIPT_ID;

/**
 * The signed consent receipts a person was given, kept so that they can be fetched again. The signature is what
 * matters: a receipt read back from here is checked against the vault's published key like any other copy.
 */
public final class ConsentReceiptArchive {
    private static final int MAXIMUM_JWS = 64 * 1024;

    private final Database database;

    ConsentReceiptArchive(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** A receipt as kept: its id, the event it records ({@code given}, {@code withdrawn}), when, and its JWS. */
    public record KeptReceipt(String id, String event, Instant issuedAt, String jws) {
        public KeptReceipt {
            requireNonNull(id, "id is null");
            requireNonNull(event, "event is null");
            requireNonNull(issuedAt, "issuedAt is null");
            requireNonNull(jws, "jws is null");
        }
    }

    /** Keeps a receipt in the transaction of the grant or withdrawal it attests, so that neither is without the other. */
    static void keep(DSLContext dsl, PersonId person, GrantId grant, KeptReceipt receipt) {
        if (receipt.jws().length() > MAXIMUM_JWS) {
            throw new SelfdataException(ErrorCode.TOO_LARGE,
                    Wording.of("error.vault.receiptTooLarge", Integer.toString(MAXIMUM_JWS)));
        }
        dsl.insertInto(CONSENT_RECEIPTS)
                .set(PERSON_ID, person.value())
                .set(GRANT_ID, grant.value())
                .set(RECEIPT_ID, receipt.id())
                .set(RECEIPT_EVENT, receipt.event())
                .set(ISSUED_AT, receipt.issuedAt().toEpochMilli())
                .set(JWS, receipt.jws())
                .execute();
    }

    /**
     * Keeps a restored receipt exactly as it was signed, after checking that {@code signer} signed it and is named by
     * its RFC 7638 thumbprint, so that one key id names one key whichever archive brings it. The signer is kept for
     * the person alone, unless it is the vault's own key.
     */
    static void keepRestored(DSLContext dsl, PersonId person, GrantId grant, KeptReceipt receipt, ECKey signer,
                             String vaultKeyId) {
        ECKey key = signer.toPublicJWK();
        try {
            JWSObject signed = JWSObject.parse(receipt.jws());
            if (!key.computeThumbprint().toString().equals(key.getKeyID())
                    || !key.getKeyID().equals(signed.getHeader().getKeyID()) || !signed.verify(new ECDSAVerifier(key))) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.vault.restoredReceiptKey", receipt.id()));
            }
        }
        catch (ParseException | JOSEException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.vault.restoredReceiptUnsigned", receipt.id()), e);
        }
        keep(dsl, person, grant, receipt);
        if (!key.getKeyID().equals(vaultKeyId)) {
            dsl.insertInto(RECEIPT_SIGNERS)
                    .set(PERSON_ID, person.value())
                    .set(KEY_ID, key.getKeyID())
                    .set(PUBLIC_KEY, key.toJSONString())
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /**
     * The public keys that signed the person's receipts in the vaults their restores came from, beside which the
     * vault's own key checks the receipts it signed itself. They are not the vault's: never publish them as its keys.
     */
    public JWKSet restoredSigners(PersonId person) {
        return database.transaction(person, connection -> new JWKSet(database.dsl(connection)
                .select(PUBLIC_KEY).from(RECEIPT_SIGNERS)
                .where(PERSON_ID.eq(person.value()))
                .orderBy(KEY_ID)
                .fetch(row -> publicKey(row.value1()))));
    }

    private static JWK publicKey(String json) {
        try {
            return ECKey.parse(json);
        }
        catch (ParseException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.vault.keptSignerNotEc"), e);
        }
    }

    /** A grant's receipts, oldest first. */
    public List<KeptReceipt> list(PersonId person, GrantId grant) {
        return database.transaction(person, connection -> database.dsl(connection)
                .select(RECEIPT_ID, RECEIPT_EVENT, ISSUED_AT, JWS).from(CONSENT_RECEIPTS)
                .where(PERSON_ID.eq(person.value()).and(GRANT_ID.eq(grant.value())))
                .orderBy(ISSUED_AT, RECEIPT_ID)
                .fetch(row -> new KeptReceipt(row.value1(), row.value2(), Instant.ofEpochMilli(row.value3()), row.value4())));
    }
}
