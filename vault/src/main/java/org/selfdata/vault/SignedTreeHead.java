package org.selfdata.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A person's log as the vault vouches for it at one moment: how many entries, their Merkle root, and when, signed as
 * a compact JWS (ES256) with the vault's key. A recipient or an auditor keeps heads and checks later ones against them
 * with consistency proofs.
 */
public record SignedTreeHead(PersonId person, long treeSize, TreeHash root, Instant timestamp, String jws) {
    static final JOSEObjectType TYPE = new JOSEObjectType("selfdata-tree-head");

    /** A key's protected header for tree heads, and its encoding, kept for the last key that signed. */
    private record EncodedHeader(String keyId, JWSHeader header, String encoded) {}

    private static volatile EncodedHeader lastHeader = new EncodedHeader("", new JWSHeader(JWSAlgorithm.ES256), "");

    public SignedTreeHead {
        requireNonNull(person, "person is null");
        requireNonNull(root, "root is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(jws, "jws is null");
    }

    /**
     * Signs a head. A head is signed at every batch of appends, so its compact JWS is put together here rather than
     * through a {@link JWSObject}: the protected header, the same for every head of a key, is encoded once per key, and
     * the claims are written as they stand. What is signed and how is as {@link JWSObject#sign} does it.
     */
    static SignedTreeHead sign(VaultSigningKey key, PersonId person, long treeSize, TreeHash root, Instant timestamp) {
        EncodedHeader header = header(key);
        String claims = "{\"person\":" + person.value() + ",\"size\":" + treeSize + ",\"root\":\"" + root.base64()
                + "\",\"timestamp\":" + timestamp.toEpochMilli() + "}";
        String signingInput = header.encoded() + "." + Base64URL.encode(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Base64URL signature = key.signer().sign(header.header(), signingInput.getBytes(StandardCharsets.US_ASCII));
            return new SignedTreeHead(person, treeSize, root, timestamp, signingInput + "." + signature);
        }
        catch (JOSEException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot sign the log's tree head", e);
        }
    }

    private static EncodedHeader header(VaultSigningKey key) {
        EncodedHeader kept = lastHeader;
        if (kept.keyId().equals(key.keyId())) {
            return kept;
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyId()).type(TYPE).build();
        EncodedHeader made = new EncodedHeader(key.keyId(), header, header.toBase64URL().toString());
        lastHeader = made;
        return made;
    }

    /** Whether the JWS is signed by this verifier's key and says exactly what this head says. */
    public boolean verify(JWSVerifier verifier) {
        try {
            JWSObject object = JWSObject.parse(jws);
            return object.getHeader().getAlgorithm().equals(JWSAlgorithm.ES256) && object.verify(verifier)
                    && object.getPayload().toJSONObject().equals(claims(person, treeSize, root, timestamp));
        }
        catch (ParseException | JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static Map<String, Object> claims(PersonId person, long treeSize, TreeHash root, Instant timestamp) {
        return Map.of("person", person.value(), "size", treeSize, "root", root.base64(), "timestamp",
                timestamp.toEpochMilli());
    }
}
