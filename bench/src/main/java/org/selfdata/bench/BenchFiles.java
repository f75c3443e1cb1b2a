package org.selfdata.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The files the import benchmark reads, written as they are generated so that a file of gigabytes costs no memory: a
 * Google Takeout {@code Records.json}, pretty-printed as Takeout writes it, and a French bank's OFX 1.0.2 statement.
 * Both are deterministic, so two runs read the same bytes.
 */
final class BenchFiles {
    private static final Instant START = Instant.parse("2016-03-01T00:00:00Z");
    private static final String[] ACTIVITIES = {"WALKING", "IN_VEHICLE", "ON_BICYCLE", "IN_BUS", "RUNNING"};
    private static final String[] LABELS = {"CB CARREFOUR CITY", "CB LIDL", "PRLV SEPA FREE MOBILE", "CB SNCF INTERNET",
            "VIR SEPA CAF DU RHONE APL", "CB BOULANGERIE PAUL", "PRLV SEPA EDF CLIENTS PARTICULIERS", "CB FNAC BELLECOUR"};
    private static final DateTimeFormatter OFX_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private BenchFiles() {}

    /** Writes location points until there are {@code points} of them or the file reaches {@code bytes}; answers the points. */
    static long writeRecordsJson(Path file, long points, long bytes) {
        SplittableRandom random = new SplittableRandom(2016);
        long latitudeE7 = 457_578_000L;
        long longitudeE7 = 48_320_000L;
        long written = 0;
        long size = 0;
        try (Writer out = writer(file)) {
            StringBuilder point = new StringBuilder(512);
            out.write("{\n  \"locations\": [");
            Instant time = START;
            for (; written < points && size < bytes; written++) {
                latitudeE7 += random.nextInt(2_001) - 1_000;
                longitudeE7 += random.nextInt(2_001) - 1_000;
                time = time.plusMillis(60_000 + random.nextInt(60_000));
                boolean moving = random.nextInt(3) == 0;
                point.setLength(0);
                point.append(written == 0 ? "{" : ", {")
                        .append("\n    \"latitudeE7\": ").append(latitudeE7)
                        .append(",\n    \"longitudeE7\": ").append(longitudeE7)
                        .append(",\n    \"accuracy\": ").append(moving ? 5 + random.nextInt(16) : 10 + random.nextInt(41));
                if (moving) {
                    int confidence = 55 + random.nextInt(46);
                    point.append(",\n    \"activity\": [{\n      \"activity\": [{\n        \"type\": \"")
                            .append(ACTIVITIES[random.nextInt(ACTIVITIES.length)])
                            .append("\",\n        \"confidence\": ").append(confidence)
                            .append("\n      }, {\n        \"type\": \"STILL\",\n        \"confidence\": ")
                            .append(100 - confidence)
                            .append("\n      }],\n      \"timestamp\": \"").append(time.minusSeconds(random.nextInt(30)))
                            .append("\"\n    }]");
                }
                point.append(",\n    \"source\": \"").append(moving ? "GPS" : "WIFI")
                        .append("\",\n    \"deviceTag\": 1385924172")
                        .append(",\n    \"timestamp\": \"").append(time).append("\"\n  }");
                out.append(point);
                size += point.length();
            }
            out.write("]\n}\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** Writes a current account's statement of {@code transactions} lines, a few a day. */
    static void writeOfx(Path file, int transactions) {
        SplittableRandom random = new SplittableRandom(2016);
        LocalDate first = LocalDate.ofInstant(START, ZoneOffset.UTC);
        LocalDate last = first.plusDays(transactions / 4 + 1);
        try (Writer out = writer(file)) {
            out.write(String.join("\r\n", "OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE",
                    "ENCODING:USASCII", "CHARSET:1252", "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", "",
                    "<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
                    "<DTSERVER>" + OFX_DATE.format(last) + "180000", "<LANGUAGE>FRA", "<FI>", "<ORG>Banque Populaire",
                    "<FID>13807", "</FI>", "</SONRS>", "</SIGNONMSGSRSV1>",
                    "<BANKMSGSRSV1>", "<STMTTRNRS>", "<TRNUID>0", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
                    "<STMTRS>", "<CURDEF>EUR", "<BANKACCTFROM>", "<BANKID>13807", "<BRANCHID>00812",
                    "<ACCTID>04521987360", "<ACCTTYPE>CHECKING", "</BANKACCTFROM>", "<BANKTRANLIST>",
                    "<DTSTART>" + OFX_DATE.format(first), "<DTEND>" + OFX_DATE.format(last), ""));
            long balance = 0;
            for (int index = 0; index < transactions; index++) {
                LocalDate booked = first.plusDays(index / 4);
                long cents = random.nextInt(8) == 0 ? 10_000 + random.nextInt(90_000) : -(100 + random.nextInt(9_900));
                balance += cents;
                out.write("<STMTTRN>\r\n<TRNTYPE>" + (cents < 0 ? "DEBIT" : "CREDIT")
                        + "\r\n<DTPOSTED>" + OFX_DATE.format(booked)
                        + "\r\n<DTUSER>" + OFX_DATE.format(booked.minusDays(random.nextInt(3)))
                        + "\r\n<TRNAMT>" + euros(cents)
                        + "\r\n<FITID>" + OFX_DATE.format(booked) + String.format(Locale.ROOT, "%07d", index)
                        + "\r\n<NAME>" + LABELS[random.nextInt(LABELS.length)] + "\r\n</STMTTRN>\r\n");
            }
            out.write(String.join("\r\n", "</BANKTRANLIST>", "<LEDGERBAL>", "<BALAMT>" + euros(balance),
                    "<DTASOF>" + OFX_DATE.format(last), "</LEDGERBAL>", "</STMTRS>", "</STMTTRNRS>", "</BANKMSGSRSV1>",
                    "</OFX>", ""));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String euros(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format(Locale.ROOT, "%02d", Math.abs(cents) % 100);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII), 1 << 16);
    }
}
