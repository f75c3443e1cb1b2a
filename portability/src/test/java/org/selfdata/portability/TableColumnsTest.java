package org.selfdata.portability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.RecordType;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TableColumnsTest {
    @Test
    void typesWhosePayloadsAreScalarsThatFitACellHaveATable() {
        assertThat(Arrays.stream(RecordType.values()).filter(type -> TableColumns.of(type).isPresent()))
                .containsExactly(RecordType.BANK_ACCOUNT, RecordType.BANK_TRANSACTION, RecordType.GEO_POINT, RecordType.GEO_VISIT,
                        RecordType.ENERGY_READING);
    }

    @ParameterizedTest
    @EnumSource(value = RecordType.class,
            names = {"BANK_ACCOUNT", "BANK_TRANSACTION", "GEO_POINT", "GEO_VISIT", "ENERGY_READING"})
    void payloadColumnsComeInTheOrderOfTheSchema(RecordType type) {
        assertThat(TableColumns.of(type).orElseThrow().payloadFields())
                .containsExactlyElementsOf(RecordSchemas.of(type).get("properties").propertyNames());
    }

    @Test
    void aTableStartsWithTheRecordsOwnColumns() {
        assertThat(TableColumns.of(RecordType.ENERGY_READING).orElseThrow().header())
                .containsExactly("id", "start", "end", "category", "source",
                        "meter", "quantity", "value", "intervalMinutes", "register");
    }
}
