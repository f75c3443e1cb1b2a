package org.selfdata.importers;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * ISO 20022 bank-to-customer cash management messages: camt.053 statements, camt.052 intraday reports and camt.054
 * debit and credit notifications, every version (namespaces {@code urn:iso:std:iso:20022:tech:xsd:camt.05x.001.NN}),
 * read as they stream by {@link CamtXml} and {@link CamtStatements}.
 *
 * <p>The source is the first statement's account, its IBAN masked; the bank is the account servicer's name or BIC.
 */
public final class CamtImporter implements Importer {
    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.05[234]\\.001\\.\\d+");

    @Override
    public String format() {
        return "camt";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText();
        if (head.contains("<Document") && NAMESPACE.matcher(head).find()) {
            return Detection.BY_CONTENT;
        }
        return Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        return Opening.closingOnFailure(in, () -> {
            CamtXml xml = new CamtXml(in);
            return Opening.closingOnFailure(xml, () -> {
                CamtStatements statements = new CamtStatements(xml, context.zone());
                return new RecordFile(format(), statements.source(), statements, xml);
            });
        });
    }
}
