package org.selfdata.server;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.RequestStep;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outsider checks the log by following "Verifying the log" in the README and the log tag of the OpenAPI document,
 * with code of its own: SHA-256 from the JDK, the JWS and the key read by Nimbus JOSE, and none of selfdata's classes
 * for entries, hashes or proofs. Entries are written back from their parsed JSON by the documented rule, so a rule
 * that said less or other than the vault does would give other bytes, other hashes, and fail.
 */
class LogVerificationRecipeTest {
    private static final RecipientId INSURER = RecipientId.of("recipient-insurer");
    private static final GrantId GRANT = GrantId.of("grant-0001");
    private static final List<String> MEMBERS = List.of("index", "recordedAt", "actor", "action", "types", "count",
            "requests", "span", "precision", "grant", "purpose", "source", "request");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T08:00:00Z"));

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE, clock);
    private final Vault vault = running.vault();
    private Person camille;
    private ApiClient owner;
    private ApiClient outsider;

    @BeforeEach
    void startServerOverALogWithEveryKindOfMember() {
        camille = vault.person(Optional.of("camille"));
        vault.log().append(camille.id(), LogEntryDraft.of(new LogActor.Owner(), LogAction.GRANT,
                Set.of(RecordType.GEO_VISIT, RecordType.GEO_POINT), 0).withGrant(GRANT));
        clock.advance(Duration.ofMillis(250));
        vault.log().appendAll(camille.id(), List.of(
                LogEntryDraft.of(new LogActor.Recipient(INSURER), LogAction.READ, Set.of(RecordType.GEO_VISIT), 12)
                        .withGrant(GRANT).withPurpose("dpv:ServiceProvision \"quoted\" back\\slash a/b é\n\t\u0001")
                        .withPrecision("location=region").withSpan(TimeSpan.between(
                                Instant.parse("2025-05-01T00:00:00Z"), Instant.parse("2025-05-31T23:59:59.000123Z"))),
                LogEntryDraft.of(new LogActor.Recipient(INSURER), LogAction.REFUSAL, Set.of(), 0).withGrant(GRANT)
                        .withRequests(3),
                LogEntryDraft.of(new LogActor.Service("scheduled.push"), LogAction.IMPORT,
                        Set.of(RecordType.ENERGY_READING, RecordType.BANK_TRANSACTION, RecordType.CONTACT), 40)
                        .withSource(SourceId.of(7))));
        clock.advance(Duration.ofSeconds(1));
        vault.log().append(camille.id(), LogEntryDraft.of(new LogActor.Owner(), LogAction.LETTER, Set.of(), 1)
                .withRequestStep(new RequestStep("request-0001", "sent", List.of("b".repeat(64), "a".repeat(64)))));
        running.start();
        running.importLocationPoints(3);
        owner = running.camille();
        owner.get("/api/v1/records?type=geo.point");
        outsider = new ApiClient(running.server());
    }

    @Test
    void theHeadIsSignedAsDocumentedWithThePublishedKey() throws Exception {
        HttpResponse<String> keys = outsider.get("/.well-known/jwks.json");
        JsonNode head = ApiClient.json(owner.get("/api/v1/log/head"));

        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.headers().firstValue("Content-Type")).contains("application/jwk-set+json");
        ECKey key = (ECKey) JWKSet.parse(keys.body()).getKeys().getFirst();
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString()).isEqualTo(head.get("keyId").stringValue());
        JWSObject signed = JWSObject.parse(head.get("signedHead").stringValue());
        assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(signed.getHeader().getType()).isEqualTo(new JOSEObjectType("selfdata-tree-head"));
        assertThat(signed.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(signed.verify(new ECDSAVerifier(key))).isTrue();
        Map<String, Object> payload = signed.getPayload().toJSONObject();
        assertThat(payload).containsOnlyKeys("person", "size", "root", "timestamp");
        assertThat(((Number) payload.get("person")).longValue()).isEqualTo(camille.id().value());
        assertThat(((Number) payload.get("size")).longValue()).isEqualTo(head.get("treeSize").asLong());
        assertThat(payload.get("root")).isEqualTo(head.get("root").stringValue());
        assertThat(((Number) payload.get("timestamp")).longValue())
                .isEqualTo(Instant.parse(head.get("timestamp").stringValue()).toEpochMilli());
    }

    @Test
    void everyEntryRebuiltByTheRuleHashesToTheSignedRoot() throws Exception {
        Map<String, Object> head = signedPayload();
        long size = ((Number) head.get("size")).longValue();
        List<byte[]> entries = allEntries();

        assertThat(size).isGreaterThan(5);
        assertThat(entries).hasSize((int) size);
        List<byte[]> leafHashes = entries.stream().map(LogVerificationRecipeTest::leafHash).toList();
        assertThat(base64url(treeHash(leafHashes))).isEqualTo(head.get("root"));
    }

    @Test
    void eachEntryIsIncludedByItsAuditPathAndTheLogOnlyGrew() throws Exception {
        Map<String, Object> head = signedPayload();
        long size = ((Number) head.get("size")).longValue();
        byte[] root = Base64.getUrlDecoder().decode((String) head.get("root"));
        List<byte[]> entries = allEntries();

        for (int index = 0; index < size; index++) {
            JsonNode proof = ApiClient.json(owner.get("/api/v1/log/proofs/inclusion?index=" + index + "&size=" + size));
            String encoded = proof.get("leafHash").stringValue();
            assertThat(encoded).as("entry %d", index).matches("[A-Za-z0-9_-]{43}");
            assertThat(encoded).as("entry %d", index).isEqualTo(base64url(leafHash(entries.get(index))));
            assertThat(included(index, size, Base64.getUrlDecoder().decode(encoded), hashes(proof.get("path")), root))
                    .as("entry %d", index).isTrue();
            assertThat(included(index, size, leafHash(entries.get((index + 1) % (int) size)), hashes(proof.get("path")),
                    root)).as("another entry on entry %d's path", index).isFalse();
        }
        for (int from = 1; from < size; from++) {
            JsonNode proof = ApiClient.json(owner.get("/api/v1/log/proofs/consistency?from=" + from + "&to=" + size));
            byte[] oldRoot = treeHash(entries.subList(0, from).stream().map(LogVerificationRecipeTest::leafHash).toList());
            assertThat(consistent(from, size, hashes(proof.get("path")), oldRoot, root)).as("from %d", from).isTrue();
        }
    }

    private Map<String, Object> signedPayload() throws Exception {
        ECKey key = (ECKey) JWKSet.parse(outsider.get("/.well-known/jwks.json").body()).getKeys().getFirst();
        JWSObject signed = JWSObject.parse(ApiClient.json(owner.get("/api/v1/log/head")).get("signedHead").stringValue());
        assertThat(signed.verify(new ECDSAVerifier(key))).isTrue();
        return signed.getPayload().toJSONObject();
    }

    /** Every entry, page after page, written back by the rule; each must be the very bytes its page holds. */
    private List<byte[]> allEntries() {
        List<byte[]> entries = new ArrayList<>();
        String query = "/api/v1/log?limit=2";
        while (true) {
            HttpResponse<String> response = owner.get(query);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = ApiClient.json(response);
            List<String> written = new ArrayList<>();
            for (JsonNode entry : page.get("entries")) {
                assertThat(entry.get("index").asLong()).isEqualTo(entries.size());
                byte[] bytes = canonical(entry);
                entries.add(bytes);
                written.add(new String(bytes, StandardCharsets.UTF_8));
            }
            String next = page.has("next") ? ",\"next\":" + page.get("next").asLong() : "";
            assertThat(response.body()).isEqualTo("{\"entries\":[" + String.join(",", written) + "]" + next + "}");
            if (!page.has("next")) {
                return entries;
            }
            query = "/api/v1/log?limit=2&after=" + page.get("next").asLong();
        }
    }

    /** The documented canonical JSON: fixed member order, absent members left out, no whitespace. */
    private static byte[] canonical(JsonNode entry) {
        assertThat(MEMBERS).containsAll(entry.propertyNames());
        StringBuilder json = new StringBuilder("{");
        for (String member : MEMBERS) {
            JsonNode value = entry.get(member);
            if (value == null) {
                continue;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(string(member)).append(':');
            switch (member) {
                case "index", "count", "source" -> json.append(value.asLong());
                case "requests" -> {
                    assertThat(value.asLong()).isGreaterThan(1);
                    json.append(value.asLong());
                }
                case "recordedAt" -> json.append(string(instant(value.stringValue())));
                case "types" -> {
                    TreeSet<String> sorted = new TreeSet<>();
                    value.forEach(type -> sorted.add(type.stringValue()));
                    json.append('[').append(String.join(",", sorted.stream().map(LogVerificationRecipeTest::string)
                            .toList())).append(']');
                }
                case "actor" -> json.append("{\"kind\":").append(string(value.get("kind").stringValue()))
                        .append(value.has("id") ? ",\"id\":" + string(value.get("id").stringValue()) : "")
                        .append(value.has("name") ? ",\"name\":" + string(value.get("name").stringValue()) : "")
                        .append('}');
                case "span" -> json.append("{\"start\":").append(string(instant(value.get("start").stringValue())))
                        .append(",\"end\":").append(string(instant(value.get("end").stringValue()))).append('}');
                case "request" -> {
                    List<String> documents = new ArrayList<>();
                    value.get("documents").forEach(document -> documents.add(string(document.stringValue())));
                    json.append("{\"id\":").append(string(value.get("id").stringValue()))
                            .append(",\"step\":").append(string(value.get("step").stringValue()))
                            .append(",\"documents\":[").append(String.join(",", documents)).append("]}");
                }
                default -> json.append(string(value.stringValue()));
            }
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** UTC, seconds always, a fraction only when not zero, in groups of three digits. */
    private static String instant(String text) {
        Instant instant = Instant.parse(text);
        int nanos = instant.getNano();
        String fraction = nanos == 0 ? ""
                : nanos % 1_000_000 == 0 ? String.format(".%03d", nanos / 1_000_000)
                : nanos % 1_000 == 0 ? String.format(".%06d", nanos / 1_000)
                : String.format(".%09d", nanos);
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(SECONDS) + fraction + "Z";
    }

    /** `"` and `\` escaped, characters below U+0020 as a backslash, u, 00 and two lowercase hex digits, all else as itself. */
    private static String string(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(point -> {
            if (point == '"' || point == '\\') {
                quoted.append('\\').appendCodePoint(point);
            }
            else if (point < 0x20) {
                quoted.append("\\u00").append(Character.forDigit(point >> 4, 16)).append(Character.forDigit(point & 15, 16));
            }
            else {
                quoted.appendCodePoint(point);
            }
        });
        return quoted.append('"').toString();
    }

    private static byte[] leafHash(byte[] entry) {
        return sha256(new byte[] {0}, entry);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    /** RFC 6962's MTH: split after the largest power of two smaller than n. */
    private static byte[] treeHash(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.getFirst();
        }
        int split = Integer.highestOneBit(leafHashes.size() - 1);
        return nodeHash(treeHash(leafHashes.subList(0, split)), treeHash(leafHashes.subList(split, leafHashes.size())));
    }

    /** RFC 9162, section 2.1.3.2, as the log tag spells it out. */
    private static boolean included(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if (fn % 2 == 1 || fn == sn) {
                r = nodeHash(p, r);
                while (fn % 2 == 0 && fn != 0) {
                    fn /= 2;
                    sn /= 2;
                }
            }
            else {
                r = nodeHash(r, p);
            }
            fn /= 2;
            sn /= 2;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162, section 2.1.4.2. */
    private static boolean consistent(long from, long to, List<byte[]> path, byte[] oldRoot, byte[] newRoot) {
        List<byte[]> proof = new ArrayList<>(path);
        if (Long.bitCount(from) == 1) {
            proof.addFirst(oldRoot);
        }
        long fn = from - 1;
        long sn = to - 1;
        while (fn % 2 == 1) {
            fn /= 2;
            sn /= 2;
        }
        byte[] fr = proof.getFirst();
        byte[] sr = fr;
        for (byte[] c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if (fn % 2 == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while (fn % 2 == 0 && fn != 0) {
                    fn /= 2;
                    sn /= 2;
                }
            }
            else {
                sr = nodeHash(sr, c);
            }
            fn /= 2;
            sn /= 2;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }

    private static List<byte[]> hashes(JsonNode path) {
        List<byte[]> hashes = new ArrayList<>();
        path.forEach(hash -> {
            assertThat(hash.stringValue()).matches("[A-Za-z0-9_-]{43}");
            hashes.add(Base64.getUrlDecoder().decode(hash.stringValue()));
        });
        return hashes;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                all.writeBytes(part);
            }
            return digest.digest(all.toByteArray());
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
