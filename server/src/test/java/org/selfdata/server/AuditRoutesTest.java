package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.ConsistencyProof;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TreeHash;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor Camille names for her log (the CNIL, say) checks over time that her log only grows: it keeps the heads it
 * fetched and later proves the newest grew from them. Its token opens the heads and proofs of her log and nothing
 * else, and dies when she ends it.
 */
class AuditRoutesTest {
    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private ApiClient camille;
    private String auditorToken;
    private String auditorId;

    @BeforeEach
    void nameAnAuditor() {
        running.importLocationPoints(10);
        camille = running.camille();
        HttpResponse<String> named = camille.post("/api/v1/log/auditors", "{\"name\":\"CNIL\",\"days\":30}");
        assertThat(named.statusCode()).isEqualTo(201);
        assertThat(named.headers().firstValue("Cache-Control")).contains("no-store");
        auditorToken = ApiClient.json(named).get("token").stringValue();
        auditorId = ApiClient.json(named).get("auditor").get("id").stringValue();
    }

    @Test
    void theAuditorProvesTheLogGrewFromTheHeadItKept() {
        JsonNode kept = ApiClient.json(asAuditor("/api/v1/audit/log/head"));
        running.importLocationPoints(3);
        JsonNode newest = ApiClient.json(asAuditor("/api/v1/audit/log/head"));

        JsonNode proof = ApiClient.json(asAuditor("/api/v1/audit/log/proofs/consistency?from="
                + kept.get("treeSize").longValue() + "&to=" + newest.get("treeSize").longValue()));

        List<TreeHash> path = new ArrayList<>();
        proof.get("path").forEach(hash -> path.add(TreeHash.fromBase64(hash.stringValue())));
        assertThat(newest.get("treeSize").longValue()).isGreaterThan(kept.get("treeSize").longValue());
        assertThat(new ConsistencyProof(kept.get("treeSize").longValue(), newest.get("treeSize").longValue(), path)
                .verify(TreeHash.fromBase64(kept.get("root").stringValue()),
                        TreeHash.fromBase64(newest.get("root").stringValue()))).isTrue();
    }

    @Test
    void theAuditorListsEveryHeadAndFetchesAnOldOneAgainBySize() {
        running.importLocationPoints(3);

        JsonNode heads = ApiClient.json(asAuditor("/api/v1/audit/log/heads"));
        JsonNode first = heads.get("heads").get(0);
        JsonNode again = ApiClient.json(asAuditor("/api/v1/audit/log/head?size=" + first.get("treeSize").longValue()));

        assertThat(heads.get("heads")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anInclusionProofForTheAuditorCarriesTheHashButNotTheEntry() {
        JsonNode proof = ApiClient.json(asAuditor("/api/v1/audit/log/proofs/inclusion?index=0"));

        assertThat(proof.has("leafHash")).isTrue();
        assertThat(proof.has("leaf")).isFalse();
    }

    @Test
    void theAuditorsTokenOpensNoEntryNorAnythingOfTheOwners() {
        for (String path : List.of("/api/v1/log", "/api/v1/records", "/api/v1/log/auditors", "/api/v1/status")) {
            HttpResponse<String> refused = asAuditor(path);

            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(asAuditor("/api/v1/shared/log").statusCode()).isEqualTo(401);
    }

    @Test
    void theOwnerSeesTheAuditorWithoutItsTokenAndEndsItAtOnce() {
        asAuditor("/api/v1/audit/log/head");
        JsonNode listed = ApiClient.json(camille.get("/api/v1/log/auditors")).get("auditors").get(0);
        assertThat(listed.get("name").stringValue()).isEqualTo("CNIL");
        assertThat(listed.has("lastUsedAt")).isTrue();
        assertThat(listed.toString()).doesNotContain(auditorToken);

        assertThat(camille.delete("/api/v1/log/auditors/" + auditorId).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = asAuditor("/api/v1/audit/log/head");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void aNamingThatSaysTooMuchOrTooLittleIsRefusedAndNamesNobody() {
        for (String body : List.of("{}", "{\"name\":\"CNIL\",\"scope\":\"records\"}", "{\"name\":\"CNIL\",\"days\":0}",
                "{\"name\":\"\"}", "[\"CNIL\"]")) {
            HttpResponse<String> refused = camille.post("/api/v1/log/auditors", body);

            assertThat(refused.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(ApiClient.json(camille.get("/api/v1/log/auditors")).get("auditors")).hasSize(1);
    }

    private HttpResponse<String> asAuditor(String path) {
        ApiClient client = new ApiClient(running.server());
        return client.send(client.request(path).header("Authorization", "Bearer " + auditorToken).GET());
    }
}
