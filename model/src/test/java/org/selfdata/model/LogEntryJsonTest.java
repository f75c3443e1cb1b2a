package org.selfdata.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogEntryJsonTest {
    private static final LogEntry READ = new LogEntry(41, Instant.parse("2026-03-01T09:30:00.123456Z"),
            LogEntryDraft.of(new LogActor.Recipient(RecipientId.of("recipient-insurer")), LogAction.READ,
                    Set.of(RecordType.GEO_VISIT, RecordType.BANK_TRANSACTION), 12)
                    .withSpan(TimeSpan.between(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z")))
                    .withPrecision("location \"region\"\n")
                    .withGrant(GrantId.of("grant-0001"))
                    .withPurpose("dpv:ServiceProvision"));

    @Test
    void anEntryHasOneCanonicalFormWithKeysInOrderTypesSortedAndTextEscaped() {
        assertThat(new String(LogEntryJson.bytes(READ), StandardCharsets.UTF_8)).isEqualTo("{\"index\":41,"
                + "\"recordedAt\":\"2026-03-01T09:30:00.123Z\","
                + "\"actor\":{\"kind\":\"recipient\",\"id\":\"recipient-insurer\"},\"action\":\"read\","
                + "\"types\":[\"bank.transaction\",\"geo.visit\"],\"count\":12,"
                + "\"span\":{\"start\":\"2025-03-01T00:00:00Z\",\"end\":\"2025-04-01T00:00:00Z\"},"
                + "\"precision\":\"location \\\"region\\\"\\u000a\",\"grant\":\"grant-0001\","
                + "\"purpose\":\"dpv:ServiceProvision\"}");
    }

    @Test
    void absentValuesAreLeftOut() {
        LogEntry erasure = new LogEntry(0, Instant.parse("2026-03-01T09:30:00Z"), LogEntryDraft.of(new LogActor.Owner(),
                LogAction.ERASURE, Set.of(), 0).withSource(SourceId.of(3)));

        assertThat(new String(LogEntryJson.bytes(erasure), StandardCharsets.UTF_8)).isEqualTo("{\"index\":0,"
                + "\"recordedAt\":\"2026-03-01T09:30:00Z\",\"actor\":{\"kind\":\"owner\"},\"action\":\"erasure\","
                + "\"types\":[],\"count\":0,\"source\":3}");
    }

    @Test
    void anEntryStandingForSeveralRequestsSaysHowManyAfterItsCountAndReadsBack() {
        LogEntry refusals = new LogEntry(7, Instant.parse("2026-03-01T09:30:00Z"), LogEntryDraft.of(
                new LogActor.Recipient(RecipientId.of("recipient-insurer")), LogAction.REFUSAL, Set.of(), 0)
                .withGrant(GrantId.of("grant-0001")).withRequests(2_999));

        assertThat(new String(LogEntryJson.bytes(refusals), StandardCharsets.UTF_8)).isEqualTo("{\"index\":7,"
                + "\"recordedAt\":\"2026-03-01T09:30:00Z\","
                + "\"actor\":{\"kind\":\"recipient\",\"id\":\"recipient-insurer\"},\"action\":\"refusal\","
                + "\"types\":[],\"count\":0,\"requests\":2999,\"grant\":\"grant-0001\"}");
        assertThat(LogEntryJson.parse(LogEntryJson.bytes(refusals))).isEqualTo(refusals);
    }

    @Test
    void aStepOfARightsRequestIsWrittenLastWithItsDigestsAndReadsBack() {
        String letter = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        String receipt = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
        LogEntry sent = new LogEntry(12, Instant.parse("2026-03-02T08:00:00Z"), LogEntryDraft.of(new LogActor.Owner(),
                LogAction.LETTER, Set.of(), 0).withRequestStep(new RequestStep("request-3f2a", "sent",
                List.of(letter, receipt))));

        assertThat(new String(LogEntryJson.bytes(sent), StandardCharsets.UTF_8)).isEqualTo("{\"index\":12,"
                + "\"recordedAt\":\"2026-03-02T08:00:00Z\",\"actor\":{\"kind\":\"owner\"},\"action\":\"letter\","
                + "\"types\":[],\"count\":0,\"request\":{\"id\":\"request-3f2a\",\"step\":\"sent\",\"documents\":[\""
                + letter + "\",\"" + receipt + "\"]}}");
        assertThat(LogEntryJson.parse(LogEntryJson.bytes(sent))).isEqualTo(sent);
    }

    @Test
    void aStepWithoutDocumentsKeepsAnEmptyListAndAnEntryWithoutAStepKeepsItsBytes() {
        LogEntry closed = new LogEntry(3, Instant.parse("2026-03-02T08:00:00Z"), LogEntryDraft.of(new LogActor.Owner(),
                LogAction.REQUEST, Set.of(), 0).withRequestStep(new RequestStep("request-3f2a", "closed", List.of())));
        byte[] withoutStep = ("{\"index\":0,\"recordedAt\":\"2026-03-01T09:30:00Z\",\"actor\":{\"kind\":\"owner\"},"
                + "\"action\":\"import\",\"types\":[],\"count\":0,\"source\":3}").getBytes(StandardCharsets.UTF_8);

        assertThat(new String(LogEntryJson.bytes(closed), StandardCharsets.UTF_8)).endsWith(
                "\"request\":{\"id\":\"request-3f2a\",\"step\":\"closed\",\"documents\":[]}}");
        assertThat(LogEntryJson.parse(LogEntryJson.bytes(closed))).isEqualTo(closed);
        assertThat(LogEntryJson.bytes(LogEntryJson.parse(withoutStep))).isEqualTo(withoutStep);
        assertThat(LogEntryJson.parse(withoutStep).draft().requestStep()).isEmpty();
    }

    @Test
    void aStepWithAnUpperCaseDigestOrAStepWrittenAsNullIsRefused() {
        byte[] upperCase = ("{\"index\":0,\"recordedAt\":\"2026-03-01T09:30:00Z\",\"actor\":{\"kind\":\"owner\"},"
                + "\"action\":\"answer\",\"types\":[],\"count\":0,\"request\":{\"id\":\"request-3f2a\","
                + "\"step\":\"received\",\"documents\":[\"" + "A".repeat(64) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] nullStep = ("{\"index\":0,\"recordedAt\":\"2026-03-01T09:30:00Z\",\"actor\":{\"kind\":\"owner\"},"
                + "\"action\":\"answer\",\"types\":[],\"count\":0,\"request\":null}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LogEntryJson.parse(upperCase)).isInstanceOf(SelfdataException.class)
                .hasMessage("sha256 must be 64 lower-case hexadecimal digits");
        assertThatThrownBy(() -> LogEntryJson.parse(nullStep)).isInstanceOf(SelfdataException.class)
                .hasMessage("log entry 0 is not in canonical form");
    }

    @Test
    void anEntryOfOneRequestIsWrittenAsBeforeRequestsWereCounted() {
        byte[] written = ("{\"index\":0,\"recordedAt\":\"2026-03-01T09:30:00Z\",\"actor\":{\"kind\":\"owner\"},"
                + "\"action\":\"import\",\"types\":[],\"count\":0}").getBytes(StandardCharsets.UTF_8);

        assertThat(LogEntryJson.parse(written).draft().requests()).isEqualTo(1);
        assertThatThrownBy(() -> LogEntryJson.parse(("{\"index\":0,\"recordedAt\":\"2026-03-01T09:30:00Z\","
                + "\"actor\":{\"kind\":\"owner\"},\"action\":\"import\",\"types\":[],\"count\":0,\"requests\":1}")
                .getBytes(StandardCharsets.UTF_8))).hasMessage("log entry 0 is not in canonical form");
    }

    @Test
    void anEntryReadsBackAsItWasWritten() {
        assertThat(LogEntryJson.parse(LogEntryJson.bytes(READ))).isEqualTo(READ);
    }

    @Test
    void bytesThatAreNotTheCanonicalFormAreRefused() {
        byte[] spaced = ("{\"index\":0, \"recordedAt\":\"2026-03-01T09:30:00Z\",\"actor\":{\"kind\":\"owner\"},"
                + "\"action\":\"import\",\"types\":[],\"count\":0}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LogEntryJson.parse(spaced)).hasMessage("log entry 0 is not in canonical form");
    }

    @Test
    void theIndexIsReadFromTheFirstBytesOnly() {
        assertThat(LogEntryJson.index(LogEntryJson.bytes(READ))).isEqualTo(41);
        assertThat(LogEntryJson.index("{\"index\":x,".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(LogEntryJson.index("{\"count\":1,".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
    }
}
