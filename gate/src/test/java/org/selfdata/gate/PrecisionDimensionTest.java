package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.Category;
import org.selfdata.model.RecordType;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrecisionDimensionTest {
    @Test
    void locationDataIsReducedInPlaceTimeAndIdentifiersButHasNoAmount() {
        assertThat(PrecisionDimension.of(Set.of(), Set.of(Category.fromTerm("pd:Location"))))
                .containsExactly(PrecisionDimension.LOCATION, PrecisionDimension.TIME, PrecisionDimension.IDENTIFIERS);
    }

    @Test
    void bankTransactionsHaveAmountsTimesAndIdentifiersButNoPlace() {
        assertThat(PrecisionDimension.of(Set.of(RecordType.BANK_TRANSACTION), Set.of()))
                .containsExactly(PrecisionDimension.AMOUNT, PrecisionDimension.TIME, PrecisionDimension.IDENTIFIERS);
    }

    @Test
    void contactsHaveAddressesSoTheirPlaceDependsOnLocationPrecision() {
        assertThat(PrecisionDimension.of(Set.of(RecordType.CONTACT), Set.of()))
                .containsExactly(PrecisionDimension.LOCATION, PrecisionDimension.TIME, PrecisionDimension.IDENTIFIERS);
    }

    @Test
    void noDataHasNoDimension() {
        assertThat(PrecisionDimension.of(Set.of(), Set.of())).isEmpty();
    }

    @Test
    void eachDimensionHasTheTermTheApiUses() {
        assertThat(PrecisionDimension.IDENTIFIERS.term()).isEqualTo("identifiers");
        assertThat(PrecisionDimension.AMOUNT.term()).isEqualTo("amount");
    }
}
