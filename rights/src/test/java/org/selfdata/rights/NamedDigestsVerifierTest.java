package org.selfdata.rights;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.PersonId;
import org.selfdata.texts.Language;
import org.selfdata.vault.TreeHash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier on log entries that name their documents' digests, as entries of rights requests do
 * ({@code "request":{"id":…,"step":…,"documents":[…]}}), in a log of three entries hashed and signed here by hand
 * from RFC 6962 §2.1, with a key of the test's own: the verifier is checked against the RFC, not against selfdata's
 * own tree. The pack copies entries byte for byte whatever their fields, so these are the bytes the verifier reads.
 */
class NamedDigestsVerifierTest {
    private static final String LETTER = "documents/01-1-access-request.pdf";
    private static final String ANSWER = "documents/02-1-answer.csv";

    @TempDir
    Path folder;

    @Test
    void eachDocumentWhoseDigestItsEntryNamesVerifies() throws Exception {
        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack(SampleRequest.LETTER, SampleRequest.EXPORT), folder);

        assertThat(verdict.lines()).contains(
                "ok      log entry 0 is included in the signed tree",
                "ok      log entry 2 is included in the signed tree",
                "ok      documents/01-1-access-request.pdf: its SHA-256 is named by log entry 0",
                "ok      documents/02-1-answer.csv: its SHA-256 is named by log entry 2");
        assertThat(verdict.lines().getLast()).isEqualTo("The evidence pack verifies.");
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void aDocumentReplacedWithTheManifestAndTimelineRewrittenIsRejectedByItsLogEntry() throws Exception {
        byte[] forged = "date,amount\n2026-01-03,0.00\n".getBytes(StandardCharsets.UTF_8);
        PackFiles pack = pack(SampleRequest.LETTER, SampleRequest.EXPORT)
                .change(ANSWER, bytes -> forged)
                .changeText("timeline.json", PackFiles.sha256(SampleRequest.EXPORT), PackFiles.sha256(forged))
                .withManifestRewritten();

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsExactly(
                "ok      12 files match the manifest (manifest.sha256)",
                verdict.lines().get(1),
                "ok      log entry 0 is included in the signed tree",
                "ok      log entry 2 is included in the signed tree",
                "ok      documents/01-1-access-request.pdf: its SHA-256 is named by log entry 0",
                "FAILED  documents/02-1-answer.csv: log entry 2 does not name its SHA-256",
                "FAILED  log entry 2 names a document the pack does not hold (SHA-256 "
                        + PackFiles.sha256(SampleRequest.EXPORT) + ")",
                "The evidence pack does NOT verify: 2 problems.");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    /**
     * A pack of two steps, the letter recorded by entry 0 and the answer by entry 2, in a log of three entries whose
     * entries 0 and 2 name the digests of the documents as the vault held them.
     */
    private static PackFiles pack(byte[] letter, byte[] answer) throws Exception {
        List<byte[]> leaves = List.of(
                leaf(0, "letter", "sent", PackFiles.sha256(letter)),
                ("{\"index\":1,\"recordedAt\":\"2026-01-20T10:00:00Z\",\"actor\":{\"kind\":\"owner\"},"
                        + "\"action\":\"read\",\"types\":[],\"count\":4}").getBytes(StandardCharsets.UTF_8),
                leaf(2, "answer", "answered-complete", PackFiles.sha256(answer)));
        byte[] h0 = leafHash(leaves.get(0));
        byte[] h1 = leafHash(leaves.get(1));
        byte[] h2 = leafHash(leaves.get(2));
        byte[] h01 = nodeHash(h0, h1);
        byte[] root = nodeHash(h01, h2);
        Map<Long, LogExcerpt.Entry> entries = new TreeMap<>(Map.of(
                0L, new LogExcerpt.Entry(leaves.get(0), List.of(new TreeHash(h1), new TreeHash(h2))),
                2L, new LogExcerpt.Entry(leaves.get(2), List.of(new TreeHash(h01)))));
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
        LogExcerpt log = new LogExcerpt(3, new TreeHash(root), SampleRequest.NOW, signedHead(key, root),
                key.toPublicJWK().toJSONString(), new TreeMap<>(entries));
        EvidenceRequest request = new EvidenceRequest(PersonId.of(1), "SD-7K3Q", Language.ENGLISH, List.of(
                new EvidenceStep(LocalDate.of(2026, 1, 5), RequestStatus.SENT, "Access request sent",
                        List.of(SampleRequest.document("access-request.pdf", letter)), 0),
                new EvidenceStep(LocalDate.of(2026, 2, 4), RequestStatus.ANSWERED_COMPLETE, "Answer received",
                        List.of(SampleRequest.document("answer.csv", answer)), 2)));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        EvidencePack.write(request, log, zip, EvidencePack.DEFAULT_MAXIMUM_SIZE);
        return PackFiles.read(zip.toByteArray());
    }

    private static byte[] leaf(long index, String action, String step, String digest) {
        return ("{\"index\":" + index + ",\"recordedAt\":\"2026-01-05T10:00:00Z\",\"actor\":{\"kind\":\"owner\"},"
                + "\"action\":\"" + action + "\",\"types\":[],\"count\":0,\"request\":{\"id\":\"request-1\",\"step\":\""
                + step + "\",\"documents\":[\"" + digest + "\"]}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String signedHead(ECKey key, byte[] root) throws JOSEException {
        JWSObject head = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(Map.of("person", 1, "size", 3, "root", new TreeHash(root).base64(), "timestamp",
                        SampleRequest.NOW.toEpochMilli())));
        head.sign(new ECDSASigner(key));
        return head.serialize();
    }

    /** RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
    private static byte[] leafHash(byte[] leaf) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) 0x00);
        return digest.digest(leaf);
    }

    /** RFC 6962 §2.1: SHA-256(0x01 || left || right). */
    private static byte[] nodeHash(byte[] left, byte[] right) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }
}
