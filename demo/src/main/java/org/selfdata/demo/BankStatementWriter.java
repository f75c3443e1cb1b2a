package org.selfdata.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.selfdata.model.PrivateFiles;
import static java.util.Objects.requireNonNull;

/**
 * Writes Camille's current account as the OFX 1.0.2 statement a French bank hands out (SGML, CHARSET:1252).
 *
 * <p>Card payments are labelled as French banks do ({@code CB CARREFOUR CITY 12/03}, the date being the day the card was
 * used) and booked one or two working days later; transfers and direct debits are booked the day they happen. The
 * statement's ledger balance is the sum of its lines: the account was opened on the first day with a transfer from
 * her parents. Money comes from a part-time job at a bookshop, housing aid from the CAF, a CROUS grant from September
 * to June, her parents, and health reimbursements; it goes to rent, the student restaurant (through Izly top-ups), food,
 * transport and the rest.
 *
 * <p>Her bills hold what recurring payments are known to hide: her phone plan went from 9.99 to 12.99 in March 2025 and
 * calls abroad add to a bill now and then (drawn apart from the rest of her spending, so that adding them changed no
 * other line), her home insurance is paid once a year in October, 3 % dearer each year, and a gym she never goes to
 * takes its fee on the 3rd.
 */
final class BankStatementWriter {
    static final String BANK = "Banque Populaire Auvergne Rhône Alpes";
    static final String ACCOUNT = "04521987360";
    /** The month her phone plan went from {@value #PHONE_BEFORE} to {@value #PHONE_AFTER} cents. */
    static final YearMonth PHONE_RISE = YearMonth.of(2025, 3);
    static final long PHONE_BEFORE = 999;
    static final long PHONE_AFTER = 1_299;
    static final long GYM = 2_995;
    /** Her home insurance in October 2024, 3 % more each year after. */
    static final long INSURANCE = 11_280;
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final DateTimeFormatter OFX_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.ofPattern("dd/MM");
    /** Mixed into the seed for the draws of her bills' extras, which stay apart from her everyday spending's. */
    private static final long BILLS = 0x0B11_15L;

    private final Schedule schedule;
    private final long seed;

    BankStatementWriter(Schedule schedule, long seed) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.seed = seed;
    }

    /** Writes the statement and answers the number of transactions in it. */
    long write(Path file) {
        List<Line> lines = new Spending(schedule, new SplittableRandom(seed), new SplittableRandom(seed ^ BILLS)).lines();
        lines.sort(Comparator.comparing(Line::booked));
        long balance = lines.stream().mapToLong(Line::cents).sum();
        try (Writer out = new BufferedWriter(new java.io.OutputStreamWriter(PrivateFiles.newOutputStream(file), CP1252))) {
            out.write(header(schedule.lastDay()));
            int sequence = 0;
            for (Line line : lines) {
                sequence++;
                out.write("<STMTTRN>\r\n<TRNTYPE>" + (line.cents() < 0 ? "DEBIT" : "CREDIT")
                        + "\r\n<DTPOSTED>" + OFX_DATE.format(line.booked())
                        + "\r\n<DTUSER>" + OFX_DATE.format(line.used())
                        + "\r\n<TRNAMT>" + euros(line.cents())
                        + "\r\n<FITID>" + OFX_DATE.format(line.booked()) + String.format("%06d", sequence)
                        + "\r\n<NAME>" + line.name() + "\r\n</STMTTRN>\r\n");
            }
            out.write(String.join("\r\n", "</BANKTRANLIST>", "<LEDGERBAL>", "<BALAMT>" + euros(balance),
                    "<DTASOF>" + OFX_DATE.format(schedule.lastDay()), "</LEDGERBAL>", "</STMTRS>", "</STMTTRNRS>",
                    "</BANKMSGSRSV1>", "</OFX>", ""));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.size();
    }

    private String header(LocalDate asOf) {
        String date = OFX_DATE.format(asOf);
        return String.join("\r\n",
                "OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII", "CHARSET:1252",
                "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", "",
                "<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
                "<DTSERVER>" + date + "180000", "<LANGUAGE>FRA", "<FI>", "<ORG>" + BANK, "<FID>13807", "</FI>", "</SONRS>",
                "</SIGNONMSGSRSV1>", "<BANKMSGSRSV1>", "<STMTTRNRS>", "<TRNUID>0", "<STATUS>", "<CODE>0", "<SEVERITY>INFO",
                "</STATUS>", "<STMTRS>", "<CURDEF>EUR", "<BANKACCTFROM>", "<BANKID>13807", "<BRANCHID>00812",
                "<ACCTID>" + ACCOUNT, "<ACCTTYPE>CHECKING", "</BANKACCTFROM>", "<BANKTRANLIST>",
                "<DTSTART>" + OFX_DATE.format(schedule.firstDay()), "<DTEND>" + date, "");
    }

    static String euros(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
    }

    /** One statement line: the day it was booked, the day the card or order was used, the amount and the label. */
    record Line(LocalDate booked, LocalDate used, long cents, String name) {}

    /** Draws Camille's spending day by day from the schedule. */
    private static final class Spending {
        private static final String[] GROCERIES = {"CARREFOUR CITY", "LIDL", "MONOPRIX", "FRANPRIX", "BIOCOOP GUILLOTIERE"};
        private static final String[] CAFES = {"CAFE DE LA DOUA", "LE KAFE GUILLOTIERE", "COLUMBUS CAFE", "LA BUTTE CAFE"};
        private static final String[] OUTINGS = {"LE BISTROT DU POTIER", "PATHE BELLECOUR", "BAR LE FLAMINGO",
                "PIZZERIA IL FORNO",
                "FNAC BELLECOUR", "DECATHLON CONFLUENCE", "LE SUCRE LYON"};

        private final Schedule schedule;
        private final SplittableRandom random;
        private final SplittableRandom bills;
        private final List<Line> lines = new ArrayList<>();

        private Spending(Schedule schedule, SplittableRandom random, SplittableRandom bills) {
            this.schedule = schedule;
            this.random = random;
            this.bills = bills;
        }

        private List<Line> lines() {
            transfer(schedule.firstDay(), 80_000, "VIR SEPA M OU MME MARTIN PHILIPPE");
            for (LocalDate day = schedule.firstDay(); !day.isAfter(schedule.lastDay()); day = day.plusDays(1)) {
                monthly(day);
                daily(day);
            }
            lines.removeIf(line -> line.booked().isAfter(schedule.lastDay()));
            return lines;
        }

        private void monthly(LocalDate day) {
            switch (day.getDayOfMonth()) {
                case 2 -> transfer(day, -2_500, "PRLV SEPA TCL SYTRAL ABONNEMENT");
                case 3 -> transfer(day, -GYM, "PRLV SEPA FITNESS PARK LYON");
                case 4 -> transfer(day, 19_600 + 100 * random.nextInt(3), "VIR SEPA CAF DU RHONE APL");
                case 5 -> transfer(day, -48_000, "PRLV SEPA FONCIA LYON LOYER");
                case 6 -> {
                    if (day.getMonthValue() <= 6 || day.getMonthValue() >= 9) {
                        transfer(day, 29_750, "VIR DRFIP BOURSE CROUS");
                    }
                }
                case 8 -> transfer(day, -phone(day), "PRLV SEPA FREE MOBILE");
                case 10 -> transfer(day, -3_800, "PRLV SEPA EDF CLIENTS PARTICULIERS");
                case 12 -> transfer(day, -1_450, "PRLV SEPA HARMONIE MUTUELLE");
                case 14 -> {
                    if (day.getMonth() == Month.OCTOBER) {
                        transfer(day, -Math.round(INSURANCE * Math.pow(1.03, day.getYear() - 2024)),
                                "PRLV SEPA MAIF ASSURANCE HABITATION");
                    }
                }
                case 15 -> card(day, -699, "SPOTIFY");
                case 18 -> card(day, -799, "NETFLIX.COM");
                case 20 -> transfer(day, 35_000, "VIR SEPA M OU MME MARTIN PHILIPPE");
                case 28 -> transfer(day, 58_000 + 500 * random.nextInt(30), "VIR SALAIRE LIBRAIRIE DES CANUTS");
                default -> { }
            }
        }

        /**
         * The plan's price, and in one month out of four calls abroad of 1.01 to 5.99 (an odd number of cents, so that a
         * bill never comes to the new plan's price by chance); the new plan's first bill is its price alone.
         */
        private long phone(LocalDate day) {
            YearMonth month = YearMonth.from(day);
            long plan = month.isBefore(PHONE_RISE) ? PHONE_BEFORE : PHONE_AFTER;
            long abroad = bills.nextInt(4) == 0 ? 101 + 2L * bills.nextInt(250) : 0;
            return month.equals(PHONE_RISE) ? plan : plan + abroad;
        }

        private void daily(LocalDate day) {
            Whereabouts where = schedule.whereabouts(day);
            boolean inLyon = where == Whereabouts.LYON;
            boolean lectures = schedule.isLectureDay(day);
            if (inLyon && random.nextInt(100) < (lectures ? 100 : 80)) {
                coffee(day, random.nextInt(5) == 0 ? 2 : 1);
            }
            if (lectures && random.nextInt(100) < 30) {
                coffee(day, 1);
            }
            if (inLyon && random.nextInt(100) < 60) {
                card(day, -(500 + random.nextInt(2_000)), GROCERIES[random.nextInt(GROCERIES.length)]);
            }
            if (random.nextInt(100) < 70) {
                card(day, -(110 + random.nextInt(450)), inLyon ? "BOULANGERIE DU PONT" : "BOULANGERIE");
            }
            if (lectures && random.nextInt(100) < 45) {
                card(day, -330, "CROUS CAFETERIA LA DOUA");
            }
            if (lectures && random.nextInt(100) < 35) {
                card(day, -(100 + random.nextInt(200)), "SELECTA DISTRIBUTION");
            }
            if (lectures && day.getDayOfWeek() == DayOfWeek.MONDAY) {
                card(day, -1_000L * (1 + random.nextInt(3)), "IZLY RECHARGEMENT");
            }
            if (inLyon && random.nextInt(100) < (day.getDayOfWeek().getValue() >= 5 ? 65 : 35)) {
                card(day, -(600 + random.nextInt(1_600)), OUTINGS[random.nextInt(OUTINGS.length)]);
            }
            if (random.nextInt(100) < 25) {
                card(day, -(150 + random.nextInt(500)), "RELAY PRESSE");
            }
            if (inLyon && random.nextInt(100) < 8) {
                card(day, -(1_200 + random.nextInt(1_300)), "UBER EATS");
            }
            if (random.nextInt(100) < 6) {
                card(day, -(300 + random.nextInt(2_200)), "AMAZON PAYMENTS");
            }
            if (inLyon && random.nextInt(100) < 3) {
                transfer(day, -2_000L * (1 + random.nextInt(2)), "RETRAIT DAB " + CARD_DATE.format(day) + " LYON GUILLOTIERE");
            }
            travel(day, where);
            health(day);
        }

        /** A coffee, sometimes two in a row at the same café and price: two lines, both real. */
        private void coffee(LocalDate day, int cups) {
            long price = new long[] {120, 150, 250, 380}[random.nextInt(4)];
            String cafe = CAFES[random.nextInt(CAFES.length)];
            for (int cup = 0; cup < cups; cup++) {
                card(day, -price, cafe);
            }
        }

        private void travel(LocalDate day, Whereabouts where) {
            Whereabouts inAWeek = schedule.whereabouts(day.plusDays(7));
            if (inAWeek != schedule.whereabouts(day.plusDays(6)) && inAWeek != Whereabouts.LYON) {
                long fare = switch (inAWeek) {
                    case BRITTANY -> 8_900;
                    case MARSEILLE -> 4_500;
                    case ANNECY, GRENOBLE -> 2_600;
                    case LYON -> 0;
                };
                card(day, -(fare + random.nextInt(1_500)), "SNCF CONNECT");
                card(day, -(fare + random.nextInt(1_500)), "SNCF CONNECT");
            }
            String town = switch (where) {
                case ANNECY -> "ANNECY";
                case GRENOBLE -> "GRENOBLE";
                case BRITTANY -> "VANNES";
                case MARSEILLE -> "MARSEILLE";
                case LYON -> "";
            };
            if (!town.isEmpty() && random.nextInt(100) < 60) {
                card(day, -(400 + random.nextInt(2_800)), (random.nextBoolean() ? "GLACIER " : "RESTAURANT ") + town);
            }
        }

        private void health(LocalDate day) {
            if (random.nextInt(100) < 2) {
                card(day, -3_000, "DR LEFEBVRE CLAIRE");
                transfer(day.plusDays(5 + random.nextInt(4)), 2_040, "VIR CPAM LYON REMBOURSEMENT SOINS");
                transfer(day.plusDays(9 + random.nextInt(6)), 900, "VIR HARMONIE MUTUELLE REMBT");
                if (random.nextBoolean()) {
                    card(day, -(450 + random.nextInt(1_500)), "PHARMACIE DU PONT");
                }
            }
        }

        private void card(LocalDate used, long cents, String merchant) {
            LocalDate booked = used.plusDays(1 + random.nextInt(2));
            while (booked.getDayOfWeek() == DayOfWeek.SATURDAY || booked.getDayOfWeek() == DayOfWeek.SUNDAY) {
                booked = booked.plusDays(1);
            }
            lines.add(new Line(booked, used, cents, "CB " + merchant + " " + CARD_DATE.format(used)));
        }

        private void transfer(LocalDate day, long cents, String name) {
            lines.add(new Line(day, day, cents, name));
        }
    }
}
