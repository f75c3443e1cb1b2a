package org.selfdata.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The vault's signing key: an EC P-256 key for ES256, which every JOSE library verifies. It signs the log's tree
 * heads and whatever else the vault vouches for; its private part is kept sealed under the key-encryption key and
 * never leaves the vault, while its public part is published as a JWK set.
 */
public final class VaultSigningKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CONTEXT = "selfdata/vault_meta/signing_key".getBytes(StandardCharsets.US_ASCII);

    private final ECKey key;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    private VaultSigningKey(ECKey key) {
        this.key = requireNonNull(key, "key is null");
        try {
            ECDSASigner ecdsa = new ECDSASigner(key);
            // One source of randomness for every signature, rather than a new one made at each, as the signer would.
            ecdsa.getJCAContext().setSecureRandom(RANDOM);
            this.signer = ecdsa;
            this.verifier = new ECDSAVerifier(key.toPublicJWK());
        }
        catch (JOSEException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot use the vault's signing key", e);
        }
    }

    static VaultSigningKey generate() {
        try {
            ECKey generated = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new VaultSigningKey(new ECKey.Builder(generated).keyIDFromThumbprint().build());
        }
        catch (JOSEException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot generate the vault's signing key", e);
        }
    }

    static VaultSigningKey unseal(KeyEncryptionKey keyEncryptionKey, byte[] sealed) {
        String json = new String(keyEncryptionKey.open(sealed, CONTEXT), StandardCharsets.UTF_8);
        try {
            return new VaultSigningKey(ECKey.parse(json));
        }
        catch (ParseException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, "the vault's signing key is not an EC key", e);
        }
    }

    /**
     * The vault's key, read from its settings; a vault made before selfdata signed anything gets one now, once, even
     * when two processes open it at the same moment.
     */
    static VaultSigningKey loadOrCreate(Database database, KeyEncryptionKey keyEncryptionKey) {
        return database.transaction(connection -> {
            Optional<String> sealed = Optional.ofNullable(VaultMeta.read(connection).orElseThrow().get(VaultMeta.SIGNING_KEY));
            if (sealed.isPresent()) {
                return unseal(keyEncryptionKey, Base64.getDecoder().decode(sealed.get()));
            }
            VaultSigningKey created = generate();
            String value = Base64.getEncoder().encodeToString(created.seal(keyEncryptionKey));
            int inserted = database.dsl(connection).insertInto(VaultTables.VAULT_META)
                    .set(VaultTables.META_NAME, VaultMeta.SIGNING_KEY).set(VaultTables.META_VALUE, value)
                    .onConflictDoNothing().execute();
            return inserted == 1 ? created : unseal(keyEncryptionKey, Base64.getDecoder().decode(
                    VaultMeta.read(connection).orElseThrow().get(VaultMeta.SIGNING_KEY)));
        });
    }

    byte[] seal(KeyEncryptionKey keyEncryptionKey) {
        return keyEncryptionKey.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), CONTEXT);
    }

    /** Signs with ES256; the signer is safe to share between threads. */
    public JWSSigner signer() {
        return signer;
    }

    public JWSVerifier verifier() {
        return verifier;
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public key alone, with its key id, as /.well-known/jwks.json serves it. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    @Override
    public String toString() {
        return "VaultSigningKey[" + keyId() + "]";
    }
}
