package org.selfdata.importers;

import java.io.InputStream;
import java.util.Locale;

/**
 * Open Financial Exchange bank and credit-card statements, 1.x (SGML) and 2.x (XML), read with selfdata's own
 * tokenizer: see {@link OfxTokenizer}, {@link OfxElements} and {@link OfxStatements}.
 *
 * <p>The declared CHARSET is not trusted (banks declare 1252 and send UTF-8): bytes are decoded as UTF-8 where valid
 * and as cp1252 elsewhere.
 */
public final class OfxImporter implements Importer {
    @Override
    public String format() {
        return "ofx";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText().stripLeading().toUpperCase(Locale.ROOT);
        if (head.startsWith("OFXHEADER:") || head.contains("<?OFX ") || head.startsWith("<OFX>")
                || head.startsWith("<?XML") && head.contains("<OFX>")) {
            return Detection.BY_CONTENT;
        }
        return sniff.nameEndsWith(".ofx") || sniff.nameEndsWith(".qfx") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        Utf8OrCp1252Reader reader = new Utf8OrCp1252Reader(in);
        return Opening.closingOnFailure(reader, () -> {
            OfxStatements statements = new OfxStatements(new OfxElements(new OfxTokenizer(reader)), context.zone());
            return new RecordFile(format(), statements.source(), statements, reader);
        });
    }
}
