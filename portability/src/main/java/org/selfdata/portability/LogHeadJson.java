package org.selfdata.portability;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.selfdata.model.PayloadCodec;
import org.selfdata.texts.Wording;
import org.selfdata.vault.SignedTreeHead;
import org.selfdata.vault.TreeHash;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;

/**
 * {@code log-head.json}: the log's signed head as the vault gave it, with the public key that signed it. The key in
 * the archive shows the head and the log agree; whoever knows the vault's key from elsewhere (its
 * /.well-known/jwks.json) can also tell that the vault, and not someone else, signed it.
 */
final class LogHeadJson {
    /** A head read from an archive and checked against its own key. */
    record CheckedHead(long treeSize, TreeHash root) {}

    private LogHeadJson() {}

    static byte[] write(SignedTreeHead head, JWKSet keys) {
        ObjectNode node = PayloadCodec.mapper().createObjectNode()
                .put("treeSize", head.treeSize())
                .put("root", head.root().base64())
                .put("timestamp", head.timestamp().toString())
                .put("signedHead", head.jws());
        node.set("keys", PayloadCodec.mapper().readTree(keys.toString(true)));
        return (PayloadCodec.mapper().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the head and checks its signature and that it says what its fields say. */
    static CheckedHead read(byte[] line) {
        try {
            JsonNode node = PayloadCodec.mapper().readTree(line);
            long treeSize = node.required("treeSize").asLong();
            TreeHash root = TreeHash.fromBase64(node.required("root").asString());
            JWSObject signed = JWSObject.parse(node.required("signedHead").asString());
            JWK key = JWKSet.parse(node.required("keys").toString()).getKeyByKeyId(signed.getHeader().getKeyID());
            if (!(key instanceof ECKey ecKey) || !signed.verify(new ECDSAVerifier(ecKey))) {
                throw InvalidArchive.part(ArchiveFormat.LOG_HEAD, Wording.of("error.portability.headKey"));
            }
            Map<String, Object> claims = signed.getPayload().toJSONObject();
            if (!(claims.get("size") instanceof Number size) || size.longValue() != treeSize
                    || !root.base64().equals(claims.get("root"))) {
                throw InvalidArchive.part(ArchiveFormat.LOG_HEAD, Wording.of("error.portability.headClaims"));
            }
            return new CheckedHead(treeSize, root);
        }
        catch (JacksonException | ParseException | JOSEException | IllegalArgumentException e) {
            throw InvalidArchive.part(ArchiveFormat.LOG_HEAD, Wording.of("error.portability.headNotSigned"), e);
        }
    }
}
