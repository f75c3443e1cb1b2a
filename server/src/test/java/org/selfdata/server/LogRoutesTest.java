package org.selfdata.server;

import org.selfdata.testing.SteppingClock;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
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
import org.selfdata.vault.ConsistencyProof;
import org.selfdata.vault.Engine;
import org.selfdata.vault.InclusionProof;
import org.selfdata.vault.TreeHash;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LogRoutesTest {
    private static final RecipientId INSURER = RecipientId.of("recipient-insurer");
    private static final GrantId GRANT = GrantId.of("grant-0001");

    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T08:00:00Z"));

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE, clock);
    private final Vault vault = running.vault();
    private ApiClient client;

    @BeforeEach
    void startServerOverALogOfFiveEntries() {
        Person camille = vault.person(Optional.of("camille"));
        vault.log().append(camille.id(), LogEntryDraft.of(new LogActor.Owner(), LogAction.GRANT,
                Set.of(RecordType.GEO_VISIT), 0).withGrant(GRANT));
        vault.log().appendAll(camille.id(), List.of(read(), read(), read(), read()));
        running.start();
        client = running.camille();
    }

    @Test
    void entriesComeAsTheirExactLeavesFilteredAndPaged() {
        HttpResponse<String> page = client.get("/api/v1/log?recipient=recipient-insurer&limit=2");
        HttpResponse<String> grants = client.get("/api/v1/log?action=grant");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("{\"entries\":[{\"index\":1,\"recordedAt\":\"2025-06-01T08:00:00Z\","
                + "\"actor\":{\"kind\":\"recipient\",\"id\":\"recipient-insurer\"},\"action\":\"read\","
                + "\"types\":[\"geo.visit\"],\"count\":12,\"grant\":\"grant-0001\",\"purpose\":\"dpv:ServiceProvision\"},");
        assertThat(ApiClient.json(page).get("next").asLong()).isEqualTo(2);
        assertThat(ApiClient.json(grants).get("entries")).hasSize(1);
        assertThat(client.get("/api/v1/log?looked=1").statusCode()).isEqualTo(400);
    }

    @Test
    void anEntryChecksAgainstTheSignedHeadWithTheProofsAndThePublishedKey() throws Exception {
        JsonNode head = ApiClient.json(client.get("/api/v1/log/head"));
        JsonNode inclusion = ApiClient.json(client.get("/api/v1/log/proofs/inclusion?index=3&size=5"));
        JsonNode consistency = ApiClient.json(client.get("/api/v1/log/proofs/consistency?from=1&to=5"));
        HttpResponse<String> keys = new ApiClient(running.server()).get("/.well-known/jwks.json");
        String leaf = ApiClient.json(client.get("/api/v1/log?after=2&limit=1")).get("entries").get(0).toString();

        assertThat(keys.statusCode()).isEqualTo(200);
        ECKey key = (ECKey) JWKSet.parse(keys.body()).getKeys().getFirst();
        assertThat(key.isPrivate()).isFalse();
        JWSObject signed = JWSObject.parse(head.get("signedHead").asString());
        assertThat(signed.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(signed.getPayload().toJSONObject().get("root")).isEqualTo(head.get("root").asString());
        assertThat(head.get("treeSize").asLong()).isEqualTo(5);
        TreeHash root = TreeHash.fromBase64(head.get("root").asString());
        TreeHash leafHash = InclusionProof.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
        assertThat(inclusion.get("leafHash").asString()).isEqualTo(leafHash.base64());
        assertThat(new InclusionProof(3, 5, hashes(inclusion.get("path"))).verify(leafHash, root)).isTrue();
        TreeHash first = InclusionProof.leafHash(ApiClient.json(client.get("/api/v1/log?limit=1")).get("entries").get(0)
                .toString().getBytes(StandardCharsets.UTF_8));
        assertThat(new ConsistencyProof(1, 5, hashes(consistency.get("path"))).verify(first, root)).isTrue();
    }

    private static List<TreeHash> hashes(JsonNode path) {
        List<TreeHash> hashes = new ArrayList<>();
        path.forEach(hash -> hashes.add(TreeHash.fromBase64(hash.asString())));
        return hashes;
    }

    private static LogEntryDraft read() {
        return LogEntryDraft.of(new LogActor.Recipient(INSURER), LogAction.READ, Set.of(RecordType.GEO_VISIT), 12)
                .withGrant(GRANT).withPurpose("dpv:ServiceProvision");
    }
}
