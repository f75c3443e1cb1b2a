package org.selfdata.testing;

/**
 * Small OFX 1.x statements written out here, for the tests of every module that import one: a checking account of
 * Banque Rhône with the transactions a test gives, and a French bank's statement of an account without movement.
 */
public final class OfxStatements {
    /**
     * A French bank's statement of a savings account without movement over January 2025: no transactions, and an empty
     * ACCTID, so its account is named by its bank and branch ids (30004, 00123).
     */
    public static final String WITHOUT_TRANSACTIONS = """
            OFXHEADER:100
            DATA:OFXSGML
            VERSION:102

            <OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250131<LANGUAGE>FRA
            </SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>0<STATUS><CODE>0<SEVERITY>INFO</STATUS>
            <STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>30004<BRANCHID>00123<ACCTID><ACCTTYPE>SAVINGS</BANKACCTFROM>
            <BANKTRANLIST><DTSTART>20250101<DTEND>20250131</BANKTRANLIST>
            <LEDGERBAL><BALAMT>2500.00<DTASOF>20250131</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
            """;

    private OfxStatements() {}

    /** Banque Rhône's checking account 12345678901 (bank 10907, branch 00001) from 1 to 10 January 2025. */
    public static String checking(String transactions) {
        return statement("<BANKID>10907<BRANCHID>00001<ACCTID>12345678901<ACCTTYPE>CHECKING", transactions);
    }

    /**
     * A statement of Banque Rhône from 1 to 10 January 2025 with a balance of 100.00 EUR: its account's elements and
     * its transactions, as SGML writes them.
     */
    public static String statement(String account, String transactions) {
        return "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n"
                + "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250110<LANGUAGE>FRA"
                + "<FI><ORG>Banque Rhône<FID>1</FI></SONRS></SIGNONMSGSRSV1>\n"
                + "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
                + "<STMTRS><CURDEF>EUR<BANKACCTFROM>" + account + "</BANKACCTFROM>\n"
                + "<BANKTRANLIST><DTSTART>20250101<DTEND>20250110\n" + transactions + "\n</BANKTRANLIST>"
                + "<LEDGERBAL><BALAMT>100.00<DTASOF>20250110</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";
    }
}
