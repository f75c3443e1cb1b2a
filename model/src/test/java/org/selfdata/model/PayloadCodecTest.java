package org.selfdata.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.texts.Language;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadCodecTest {
    @Test
    void writesPropertiesInDeclarationOrderAndLeavesAbsentOnesOut() {
        BankTransaction coffee = new BankTransaction("00012345678", LocalDate.of(2025, 3, 14), Optional.empty(),
                new BigDecimal("-1.20"), "EUR", "CAFE DE LA FAC", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(new String(PayloadCodec.encode(coffee), StandardCharsets.UTF_8)).isEqualTo(
                "{\"account\":\"00012345678\",\"bookingDate\":\"2025-03-14\",\"amount\":-1.20,\"currency\":\"EUR\","
                        + "\"label\":\"CAFE DE LA FAC\"}");
    }

    @Test
    void writesDecimalsPlainNeverInScientificNotation() {
        EnergyReading reading = new EnergyReading("PRM1", EnergyReading.Quantity.INDEX, new BigDecimal("1.5E+7"),
                Optional.empty(), Optional.empty());

        assertThat(new String(PayloadCodec.encode(reading), StandardCharsets.UTF_8))
                .isEqualTo("{\"meter\":\"PRM1\",\"quantity\":\"INDEX\",\"value\":15000000}");
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void readsBackWhatItWrote(RecordType type) {
        Payload payload = SamplePayloads.of(type);

        assertThat(PayloadCodec.decode(type, PayloadCodec.encode(payload))).isEqualTo(payload);
    }

    @Test
    void keepsEveryDecimalDigitOfAnAmount() {
        byte[] json =
                "{\"account\":\"1\",\"bookingDate\":\"2025-01-02\",\"amount\":-1234.56789,\"currency\":\"EUR\",\"label\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8);

        BankTransaction transaction = (BankTransaction) PayloadCodec.decode(RecordType.BANK_TRANSACTION, json);

        assertThat(transaction.amount()).isEqualTo(new BigDecimal("-1234.56789"));
    }

    @Test
    void refusesAnUnknownPropertyWithoutQuotingTheDocument() {
        byte[] json = "{\"latitude\":45.75,\"longitude\":4.83,\"secret\":\"rue des Lilas\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PayloadCodec.decode(RecordType.GEO_POINT, json))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("a geo.point payload does not match its schema at ")
                .hasMessageContaining("secret")
                .hasMessageNotContaining("rue des Lilas")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void refusesAValueOutOfItsRange() {
        byte[] json = "{\"latitude\":95.0,\"longitude\":4.83}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PayloadCodec.decode(RecordType.GEO_POINT, json))
                .isInstanceOf(SelfdataException.class)
                .hasMessageContaining("latitude must be a latitude between -90 and 90")
                .hasMessageNotContaining("95");
    }

    @Test
    void saysAValueOutOfItsRangeInFrenchWithTheModelsOwnReason() {
        byte[] json = "{\"latitude\":95.0,\"longitude\":4.83}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PayloadCodec.decode(RecordType.GEO_POINT, json))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("un contenu geo.point n’est pas valable : "
                                + "le champ latitude doit être une latitude comprise entre -90 et 90"));
    }

    @Test
    void refusesAMissingRequiredProperty() {
        byte[] json = "{\"latitude\":45.0}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PayloadCodec.decode(RecordType.GEO_POINT, json))
                .isInstanceOf(SelfdataException.class)
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }
}
