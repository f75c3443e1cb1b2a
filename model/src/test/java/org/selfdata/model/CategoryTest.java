package org.selfdata.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryTest {
    @Test
    void termsAndIrisAreDpvs() {
        assertThat(Category.TRANSACTION.term()).isEqualTo("pd:Transaction");
        assertThat(Category.GPS_COORDINATE.iri()).isEqualTo("https://w3id.org/dpv/pd#GPSCoordinate");
    }

    @Test
    void categoryIsWithinItselfAndItsAncestorsOnly() {
        assertThat(Category.TRANSACTION.isWithin(Category.TRANSACTION)).isTrue();
        assertThat(Category.TRANSACTION.isWithin(Category.TRANSACTIONAL)).isTrue();
        assertThat(Category.TRANSACTION.isWithin(Category.FINANCIAL)).isTrue();
        assertThat(Category.TRANSACTION.isWithin(Category.FINANCIAL_ACCOUNT)).isFalse();
        assertThat(Category.GPS_COORDINATE.isWithin(Category.TRACKING)).isTrue();
        assertThat(Category.FINANCIAL.isWithin(Category.TRANSACTION)).isFalse();
    }

    @Test
    void readsCompactTermsAndFullIris() {
        assertThat(Category.fromTerm("pd:TravelHistory")).isEqualTo(Category.TRAVEL_HISTORY);
        assertThat(Category.fromTerm("https://w3id.org/dpv/pd#Household")).isEqualTo(Category.HOUSEHOLD);
    }

    @Test
    void unknownTermIsRejected() {
        assertThatThrownBy(() -> Category.fromTerm("pd:Horoscope"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("unknown personal-data category 'pd:Horoscope'; expected a DPV term such as pd:Transaction");
    }
}
