package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.PayloadCodec;
import tools.jackson.core.JsonGenerator;

import java.io.StringWriter;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.gate.StoredRecords.json;

class AmountsTest {
    private static String written(AmountPrecision precision, String amount) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = PayloadCodec.mapper().createGenerator(text)) {
            json.writeStartObject();
            new Amounts(precision).write(json, "amount", new BigDecimal(amount));
            json.writeEndObject();
        }
        return text.toString();
    }

    private static String banded(String amount) {
        return written(AmountPrecision.BANDED, amount);
    }

    @Test
    void aBandHoldsItsLowerBoundAndNotItsUpperOne() {
        assertThat(banded("0")).isEqualTo(json("{'amount':{'sign':0,'from':0,'to':10}}"));
        assertThat(banded("9.99")).isEqualTo(json("{'amount':{'sign':1,'from':0,'to':10}}"));
        assertThat(banded("10")).isEqualTo(json("{'amount':{'sign':1,'from':10,'to':20}}"));
        assertThat(banded("49.99")).isEqualTo(json("{'amount':{'sign':1,'from':20,'to':50}}"));
        assertThat(banded("50.00")).isEqualTo(json("{'amount':{'sign':1,'from':50,'to':100}}"));
        assertThat(banded("9999.99")).isEqualTo(json("{'amount':{'sign':1,'from':5000,'to':10000}}"));
    }

    @Test
    void moneyOutKeepsItsSignApartFromTheBand() {
        assertThat(banded("-0.01")).isEqualTo(json("{'amount':{'sign':-1,'from':0,'to':10}}"));
        assertThat(banded("-50")).isEqualTo(json("{'amount':{'sign':-1,'from':50,'to':100}}"));
        assertThat(banded("-199.99")).isEqualTo(json("{'amount':{'sign':-1,'from':100,'to':200}}"));
    }

    @Test
    void theTopBandHasNoUpperBound() {
        assertThat(banded("10000")).isEqualTo(json("{'amount':{'sign':1,'from':10000}}"));
        assertThat(banded("-250000.00")).isEqualTo(json("{'amount':{'sign':-1,'from':10000}}"));
    }

    @Test
    void roundingGoesToTheNearestStepHalvesAwayFromZero() {
        assertThat(written(AmountPrecision.rounded(1), "-12.50")).isEqualTo(json("{'amount':-13}"));
        assertThat(written(AmountPrecision.rounded(1), "12.49")).isEqualTo(json("{'amount':12}"));
        assertThat(written(AmountPrecision.rounded(10), "15")).isEqualTo(json("{'amount':20}"));
        assertThat(written(AmountPrecision.rounded(10), "-14.99")).isEqualTo(json("{'amount':-10}"));
        assertThat(written(AmountPrecision.rounded(100), "149.99")).isEqualTo(json("{'amount':100}"));
        assertThat(written(AmountPrecision.rounded(100), "-150")).isEqualTo(json("{'amount':-200}"));
    }

    @Test
    void exactAmountsAreWrittenPlainAndNoneLeavesTheAmountOut() {
        assertThat(written(AmountPrecision.EXACT, "1.5E+3")).isEqualTo(json("{'amount':1500}"));
        assertThat(written(AmountPrecision.EXACT, "-3.30")).isEqualTo(json("{'amount':-3.30}"));
        assertThat(written(AmountPrecision.NONE, "-3.30")).isEqualTo("{}");
    }
}
