package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quicken Interchange Format: the plain-text export of Quicken, Microsoft Money, GnuCash and many banks, read by
 * {@link QifRecords}.
 *
 * <p>QIF declares no encoding: bytes are decoded as UTF-8 where valid and as cp1252 elsewhere. It names no account
 * number either, so the source is labelled with the account's name from the first {@code !Account} block, or with
 * the file's name; numbers in either (an account number used as a name) are masked.
 */
public final class QifImporter implements Importer {
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d -]{3,}\\d");
    private static final int MAXIMUM_LABEL_LENGTH = 120;

    @Override
    public String format() {
        return "qif";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText().stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("!type:") || head.startsWith("!account") || head.startsWith("!option:")
                || head.startsWith("!clear:")) {
            return Detection.BY_CONTENT;
        }
        return sniff.nameEndsWith(".qif") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        NumberedLines lines = new NumberedLines(new Utf8OrCp1252Reader(in));
        return Opening.closingOnFailure(lines, () -> {
            QifRecords records = new QifRecords(lines, context.zone(), context.fileName().map(QifImporter::stem).orElse("QIF"));
            String account = records.firstAccount();
            return new RecordFile(format(), SourceDescriptor.file("QIF export", "account " + masked(account)), records, lines);
        });
    }

    /** The file's name without its folders and its extension: {@code Checking} for {@code export/Checking.qif}. */
    private static String stem(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).strip();
        return stem.isEmpty() ? "QIF" : stem;
    }

    private static String masked(String name) {
        Matcher matcher = LONG_NUMBER.matcher(name);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            long digits = matcher.group().chars().filter(Character::isDigit).count();
            matcher.appendReplacement(masked, Matcher.quoteReplacement(digits >= 5 ? MaskedIdentifier.lastDigits(matcher.group())
                    : matcher.group()));
        }
        matcher.appendTail(masked);
        String label = masked.toString().strip();
        return label.length() <= MAXIMUM_LABEL_LENGTH ? label : label.substring(0, MAXIMUM_LABEL_LENGTH - 1) + "…";
    }
}
