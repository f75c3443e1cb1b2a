package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class LogVerificationRoutesTest {
    private static final RecipientId INSURER = RecipientId.of("recipient-insurer");
    private static final GrantId GRANT = GrantId.of("grant-0001");

    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T08:00:00Z"));

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private ApiClient client;

    LogVerificationRoutesTest(Engine engine) {
        running = new RunningServer(engine, clock);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
    }

    @BeforeEach
    void startServerOverALogOfFiveEntries() {
        vault.log().append(camille.id(), LogEntryDraft.of(new LogActor.Owner(), LogAction.GRANT,
                Set.of(RecordType.GEO_VISIT), 0).withGrant(GRANT));
        vault.log().appendAll(camille.id(), List.of(read(), read(), read(), read()));
        running.start();
        client = running.camille();
    }

    @Test
    void anIntactLogIsVerifiedWithTheHeadItAddsUpTo() {
        JsonNode head = ApiClient.json(client.get("/api/v1/log/head"));

        HttpResponse<String> answer = client.get("/api/v1/log/verification");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode verification = ApiClient.json(answer);
        assertThat(verification.get("verified").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(5);
        assertThat(verification.get("head").get("treeSize").asLong()).isEqualTo(5);
        assertThat(verification.get("head").get("root").asString()).isEqualTo(head.get("root").asString());
        assertThat(verification.get("head").get("timestamp").asString()).isEqualTo("2025-06-01T08:00:00.000Z");
        assertThat(verification.get("head").get("keyId").asString()).isEqualTo(head.get("keyId").asString());
        assertThat(verification.has("firstBad")).isFalse();
        assertThat(verification.has("message")).isFalse();
    }

    @Test
    void anEntryAlteredBehindTheVaultIsNamed() {
        SharingFixtures.alterLogEntry(vault, camille, 3);

        JsonNode verification = ApiClient.json(client.get("/api/v1/log/verification"));

        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("entries").asLong()).isEqualTo(5);
        assertThat(verification.get("firstBad").asLong()).isEqualTo(3);
        assertThat(verification.get("what").asString()).isEqualTo("altered");
        assertThat(verification.get("message").asString())
                .isEqualTo("entry 3 was altered: its content does not match the hash recorded when it was appended");
        assertThat(verification.has("head")).isFalse();
    }

    @Test
    void anEntryRemovedBehindTheVaultIsNamed() {
        behindTheVault("DELETE FROM log_entries WHERE person_id = ? AND entry_index = 2");

        JsonNode verification = ApiClient.json(client.get("/api/v1/log/verification"));

        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("firstBad").asLong()).isEqualTo(2);
        assertThat(verification.get("what").asString()).isEqualTo("removed");
        assertThat(verification.get("message").asString()).isEqualTo("entry 2 was removed: the log goes from entry 1 to entry 3");
    }

    @Test
    void aReadWhoseActionColumnIsChangedBehindTheVaultIsNamedThoughTheFilteredViewNoLongerShowsIt() {
        behindTheVault("UPDATE log_entries SET action = 'grant' WHERE person_id = ? AND entry_index = 2");

        JsonNode reads = ApiClient.json(client.get("/api/v1/log?action=read"));
        HttpResponse<String> grants = client.get("/api/v1/log?action=grant");
        JsonNode verification = ApiClient.json(client.get("/api/v1/log/verification"));

        assertThat(reads.get("entries")).extracting(entry -> entry.get("index").asLong()).containsExactly(1L, 3L, 4L);
        assertThat(grants.statusCode()).isEqualTo(503);
        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("firstBad").asLong()).isEqualTo(2);
        assertThat(verification.get("what").asString()).isEqualTo("altered");
        assertThat(verification.get("message").asString())
                .isEqualTo("entry 2 was altered: its action column does not match its content");
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertThat(client.get("/api/v1/log/verification?entry=3").statusCode()).isEqualTo(400);
    }

    /** Changes one row of Camille's log directly, as someone with access to the database but not to selfdata could. */
    private void behindTheVault(String sql) {
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, camille.id().value());
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
        });
    }

    private static LogEntryDraft read() {
        return LogEntryDraft.of(new LogActor.Recipient(INSURER), LogAction.READ, Set.of(RecordType.GEO_VISIT), 12)
                .withGrant(GRANT).withPurpose("dpv:ServiceProvision");
    }
}
