package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.Corpus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the QIF and ISO 20022 camt importers, and OFX's investment and lenient paths, from mutations of real samples:
 * each ends in records or in its own clear error, and never hangs or exhausts the test JVM's bounded heap (see
 * {@link Fuzzing}).
 */
class BankFilesFuzzTest {
    @Test
    void qifFilesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("qif/quicken_non_investement_account.qif")),
                Fuzzing.read(Corpus.file("qif/3_records_spaced.qif")), Fuzzing.read(Corpus.file("qif/splits.qif")),
                Fuzzing.bytes("!Option:AutoSwitch\n!Account\nNChecking\nTBank\n^\n!Clear:AutoSwitch\n!Account\nNChecking\n^\n"
                        + "!Type:Bank\nD1/ 1'10\nT-1,000.00\nPShop\nLFood\n^\n!Type:Invst\nD8/25/93\nNBuyX\nT100.00\n^\n"));

        assertThat(Fuzzing.of(new QifImporter(), seeds).run(20_251_126L)).isGreaterThan(seeds.size());
    }

    @Test
    void camtMessagesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("camt/camt_parser__053_valid_example.xml")),
                Fuzzing.read(Corpus.file("camt/genkgo__camt052.v8.xml")),
                Fuzzing.read(Corpus.file("camt/camt_parser__054_valid_example.xml")),
                Fuzzing.bytes(CamtImporterTest.statement("<Ntry><Amt Ccy=\"EUR\">1.20</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                        + "<RvslInd>true</RvslInd><Sts><Cd>PDNG</Cd></Sts><BookgDt><DtTm>2025-01-05T10:00:00+01:00</DtTm>"
                        + "</BookgDt></Ntry>")));

        assertThat(Fuzzing.of(new CamtImporter(), seeds).run(20_251_127L)).isGreaterThan(seeds.size());
    }

    @Test
    void ofxInvestmentAndFaultyStatementsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("ofx/fidelity.ofx")),
                Fuzzing.read(Corpus.file("ofx/fail_nice__decimal_error.ofx")),
                Fuzzing.read(Corpus.file("ofx/ofx4j-example-response.ofx2")));

        assertThat(Fuzzing.of(new OfxImporter(), seeds).run(20_251_128L)).isGreaterThan(seeds.size());
    }
}
