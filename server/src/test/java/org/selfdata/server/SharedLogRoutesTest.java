package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Sharing;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.vault.Engine;
import org.selfdata.vault.InclusionProof;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.TreeHash;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recipient checks what the log says of its own grant: the entries of that grant and no other, each with the proof
 * that it is in the log under a head the vault signed. Camille gave Météo Locale two grants; the recipient holds a token
 * of the first, has read through each, and the rest of her log (her imports) is none of its business.
 */
class SharedLogRoutesTest {
    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.empty());
    private GrantId first;
    private GrantId second;
    private String firstToken;
    private String secondToken;

    @BeforeEach
    void giveTwoGrantsAndReadThroughEach() {
        running.importLocationPoints(20);
        Recipient meteo = SampleRecipients.meteoLocale(vault);
        Sharing sharing = Sharing.over(vault, Clock.systemUTC());
        first = SharingFixtures.regionalNotifications(sharing, camille.id(), meteo);
        second = SharingFixtures.regionalNotifications(sharing, camille.id(), meteo);
        firstToken = vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(camille.id(), first, meteo.id()),
                Duration.ofHours(1));
        secondToken = vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(camille.id(), second, meteo.id()),
                Duration.ofHours(1));
        for (String token : List.of(firstToken, firstToken, secondToken)) {
            assertThat(asRecipient(token, "/api/v1/shared/records?type=geo.point").statusCode()).isEqualTo(200);
        }
        running.importLocationPoints(5);
    }

    @Test
    void theRecipientListsTheEntriesOfItsGrantAndNoOther() {
        JsonNode page = ApiClient.json(asRecipient(firstToken, "/api/v1/shared/log"));

        List<JsonNode> entries = StreamSupport.stream(page.get("entries").spliterator(), false).toList();
        assertThat(entries).extracting(entry -> entry.get("action").stringValue()).containsExactly("grant", "read", "read");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("grant").stringValue()).isEqualTo(first.value()));
    }

    @Test
    void eachEntryOfItsGrantComesWithItsBytesAndAProofAgainstASignedHead() {
        JsonNode page = ApiClient.json(asRecipient(firstToken, "/api/v1/shared/log"));
        long index = page.get("entries").get(1).get("index").longValue();

        JsonNode proof = ApiClient.json(asRecipient(firstToken, "/api/v1/shared/log/proofs/inclusion?index=" + index));
        JsonNode head = ApiClient.json(asRecipient(firstToken, "/api/v1/shared/log/head?size="
                + proof.get("treeSize").longValue()));

        byte[] leaf = Base64.getUrlDecoder().decode(proof.get("leaf").stringValue());
        assertThat(ApiClient.json(new String(leaf, StandardCharsets.UTF_8)))
                .isEqualTo(page.get("entries").get(1));
        List<TreeHash> path = new ArrayList<>();
        proof.get("path").forEach(hash -> path.add(TreeHash.fromBase64(hash.stringValue())));
        assertThat(new InclusionProof(index, proof.get("treeSize").longValue(), path)
                .verify(InclusionProof.leafHash(leaf), TreeHash.fromBase64(head.get("root").stringValue()))).isTrue();
    }

    @Test
    void anEntryOfAnotherGrantIsAnsweredAsOneThatDoesNotExist() {
        long othersEntry = vault.log().query(camille.id(), LogQuery.all().withGrant(second)).getLast().index();
        long importEntry = vault.log().query(camille.id(), LogQuery.all()).getFirst().index();
        long pastTheEnd = vault.log().head(camille.id()).treeSize();

        for (long index : List.of(othersEntry, importEntry, pastTheEnd)) {
            HttpResponse<String> refused = asRecipient(firstToken, "/api/v1/shared/log/proofs/inclusion?index=" + index);

            assertThat(refused.statusCode()).as("entry %d", index).isEqualTo(404);
            assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("the log has no entry " + index);
        }
    }

    @Test
    void theOtherGrantsTokenSeesItsOwnEntriesOnly() {
        JsonNode page = ApiClient.json(asRecipient(secondToken, "/api/v1/shared/log"));

        assertThat(page.get("entries")).extracting(entry -> entry.get("grant").stringValue()).containsOnly(second.value());
        assertThat(page.get("entries")).hasSize(2);
    }

    @Test
    void theOwnersSessionDoesNotOpenTheRecipientsView() {
        HttpResponse<String> response = running.camille().get("/api/v1/shared/log");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** The grant's entries, read and checked by jose and Sigstore's RFC 6962 verifier under node. */
    @Test
    void softwareNobodyHereWroteVerifiesEveryEntryOfTheGrantAgainstTheSignedHead() {
        ThirdPartyScripts.requireInstalled("@sigstore/verify");
        List<Long> ofTheGrant = vault.log().query(camille.id(), LogQuery.all().withGrant(first)).stream()
                .map(LogEntry::index).toList();

        JsonNode result = ThirdPartyScripts.run("recipient-log-proof.mjs", List.of(running.server().url(), firstToken));

        assertThat(result.has("error")).as(result.toString()).isFalse();
        assertThat(result.get("verified")).extracting(JsonNode::longValue).containsExactlyElementsOf(ofTheGrant);
        assertThat(ofTheGrant).hasSize(3);
        assertThat(result.get("tamperedRefused").booleanValue()).isTrue();
    }

    private HttpResponse<String> asRecipient(String token, String path) {
        ApiClient client = new ApiClient(running.server());
        return client.send(client.request(path).header("Authorization", "Bearer " + token).GET());
    }
}
