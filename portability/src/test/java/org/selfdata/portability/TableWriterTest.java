package org.selfdata.portability;

import org.junit.jupiter.api.Test;
import org.selfdata.model.BatchId;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Position;
import org.selfdata.model.Provenance;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordTime;
import org.selfdata.model.RecordType;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TableWriterTest {
    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void textsThatASpreadsheetWouldRunGetAnApostropheAndNumbersNever() throws IOException {
        String table = table(
                reading(1, "\tPRM", new BigDecimal("-12.5"), Optional.of("\rHC")),
                reading(2, "-12", new BigDecimal("+0.50"), Optional.of("")));

        assertThat(table).isEqualTo("id,start,end,category,source,meter,quantity,value,intervalMinutes,register\r\n"
                + "1,2025-06-01T12:00:00Z,2025-06-01T12:30:00Z,pd:Household,1,'\tPRM,ENERGY,-12.5,30,\"'\rHC\"\r\n"
                + "2,2025-06-01T12:00:00Z,2025-06-01T12:30:00Z,pd:Household,1,'-12,ENERGY,0.50,30,\r\n");
    }

    @Test
    void anAbsentOptionalLeavesItsCellEmpty() throws IOException {
        String table = table(reading(7, "12345678901234", BigDecimal.TEN, Optional.empty()));

        assertThat(table.lines().toList().get(1))
                .isEqualTo("7,2025-06-01T12:00:00Z,2025-06-01T12:30:00Z,pd:Household,1,12345678901234,ENERGY,10,30,");
    }

    @Test
    void aRecordWithoutATimeLeavesItsStartAndEndEmpty() throws IOException {
        EnergyReading reading = new EnergyReading("12345678901234", EnergyReading.Quantity.ENERGY, BigDecimal.TEN,
                Optional.of(30), Optional.empty());
        StoredRecord undated = new StoredRecord(new RecordId(RecordType.ENERGY_READING, RecordId.UNTIMED_MILLIS, 8),
                reading.type().defaultCategory(), RecordTime.untimed(),
                new Provenance(SourceId.of(1), BatchId.of(1), Position.line(8)), 1, 1, PayloadCodec.encode(reading));

        assertThat(table(undated).lines().toList().get(1)).isEqualTo("8,,,pd:Household,1,12345678901234,ENERGY,10,30,");
    }

    private static StoredRecord reading(long number, String meter, BigDecimal value, Optional<String> register) {
        EnergyReading reading = new EnergyReading(meter, EnergyReading.Quantity.ENERGY, value, Optional.of(30), register);
        TimeSpan halfHour = TimeSpan.between(NOON, NOON.plusSeconds(1800));
        return new StoredRecord(new RecordId(RecordType.ENERGY_READING, halfHour.startMillis(), number),
                reading.type().defaultCategory(), halfHour, new Provenance(SourceId.of(1), BatchId.of(1), Position.line(number)),
                1, 1, PayloadCodec.encode(reading));
    }

    private static String table(StoredRecord... records) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (TableWriter table = new TableWriter(TableColumns.of(RecordType.ENERGY_READING).orElseThrow(), output)) {
            for (StoredRecord record : records) {
                table.write(record);
            }
        }
        return output.toString(UTF_8);
    }
}
