package org.selfdata.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;

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

    public SignedTreeHead {
        requireNonNull(person, "person is null");
        requireNonNull(root, "root is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(jws, "jws is null");
    }

    static SignedTreeHead sign(VaultSigningKey key, PersonId person, long treeSize, TreeHash root, Instant timestamp) {
        JWSObject object = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyId()).type(TYPE).build(),
                new Payload(claims(person, treeSize, root, timestamp)));
        try {
            object.sign(key.signer());
        }
        catch (JOSEException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot sign the log's tree head", e);
        }
        return new SignedTreeHead(person, treeSize, root, timestamp, object.serialize());
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
