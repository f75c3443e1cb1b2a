package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/** Address books exported as vCard 2.1, 3.0 or 4.0: one {@code contact} per card. See {@link VCardContacts}. */
public final class VCardImporter implements Importer {
    /** Base64 data a contact does not keep (photos, logos, sounds, keys): left out as the file is read. */
    private static final Set<String> BINARY_PROPERTIES = Set.of("PHOTO", "LOGO", "SOUND", "KEY");

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
                new VCardContacts(new VObjectBlocks(lines, 0, BINARY_PROPERTIES), context.zone()), lines);
    }
}
