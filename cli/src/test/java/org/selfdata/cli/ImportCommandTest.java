package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code selfdata import} on small files written here, as a person and as a script read its report. */
class ImportCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMPTY_STATEMENT_NOTE = "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS: the statement holds no "
            + "transactions, and its ACCTID is empty: its account is named by its bank and branch ids";
    /** A French bank's statement of an account without movement over the month: its ACCTID is empty. */
    private static final String STATEMENT_WITHOUT_TRANSACTIONS = """
            OFXHEADER:100
            DATA:OFXSGML
            VERSION:102

            <OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250131<LANGUAGE>FRA
            </SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>0<STATUS><CODE>0<SEVERITY>INFO</STATUS>
            <STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>30004<BRANCHID>00123<ACCTID><ACCTTYPE>SAVINGS</BANKACCTFROM>
            <BANKTRANLIST><DTSTART>20250101<DTEND>20250131</BANKTRANLIST>
            <LEDGERBAL><BALAMT>2500.00<DTASOF>20250131</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
            """;

    @TempDir
    Path home;
    @TempDir
    Path files;

    private CommandRun selfdata;

    @BeforeEach
    void createVault() {
        selfdata = new CommandRun(home);
        assertThat(selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris").exitCode()).isZero();
    }

    @Test
    void aStatementWithoutTransactionsIsImportedAsItsAccountAndTheReportSaysSo() throws IOException {
        Path statement = Files.writeString(files.resolve("releve-livret.ofx"), STATEMENT_WITHOUT_TRANSACTIONS);

        CommandRun.Result plain = selfdata.run("import", statement.toString());
        CommandRun.Result json = selfdata.run("import", "--json", statement.toString());

        assertThat(plain.exitCode()).isZero();
        List<String> lines = plain.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).startsWith("releve-livret.ofx: ofx from Bank 30004 (account with no number at bank "
                + "30004, branch 00123), 1 added, 0 already held, ");
        assertThat(lines.getLast()).isEqualTo("  " + EMPTY_STATEMENT_NOTE);
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("duplicates").asLong()).isEqualTo(1);
        assertThat(report.get("notes")).hasSize(1);
        assertThat(report.get("notes").get(0).get("position").asString()).isEqualTo("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS");
        assertThat(report.get("notes").get(0).get("note").asString()).isEqualTo("the statement holds no transactions, "
                + "and its ACCTID is empty: its account is named by its bank and branch ids");
    }
}
