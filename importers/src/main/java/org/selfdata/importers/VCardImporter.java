package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import java.io.InputStream;
import java.util.Locale;

/** Address books exported as vCard 2.1, 3.0 or 4.0: one {@code contact} per card. See {@link VCardContacts}. */
public final class VCardImporter implements Importer {
    @Override
    public String format() {
        return "vcard";
    }

    @Override
    public Detection detect(Sniff sniff) {
        if (sniff.headText().stripLeading().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCARD")) {
            return Detection.BY_CONTENT;
        }
        return sniff.nameEndsWith(".vcf") || sniff.nameEndsWith(".vcard") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        NumberedLines lines = new NumberedLines(new Utf8OrCp1252Reader(in));
        return new RecordFile(format(), SourceDescriptor.file("Address book", "vCard contacts"),
                new VCardContacts(new VObjectBlocks(lines, 0), context.zone()), lines);
    }
}
