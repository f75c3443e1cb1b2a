package org.selfdata.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
