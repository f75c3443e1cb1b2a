package org.selfdata.demo;

import org.selfdata.rights.Letter;
import org.selfdata.rights.LetterDates;
import org.selfdata.rights.LetterPdf;
import org.selfdata.rights.Letterhead;
import org.selfdata.rights.Requests;
import org.selfdata.texts.Language;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * What Camille's bank sends back to her access request: the operations of the Livret A her parents opened for her as a
 * child, which her downloads never showed, as the CSV export of the BPCE banks writes them (newest first, debits
 * negative, credits with a {@code +}), and a short letter as a PDF that answers each item of art. 15(1) GDPR.
 *
 * <p>The operations end before the first day of her current account's statement, so that none of them is already in
 * the vault; a grandmother's birthday transfer, her parents' Christmas one and the interest of each year, with amounts
 * drawn from the seed.
 */
final class BankAnswer {
    static final String STATEMENT = "livret-a-operations.csv";
    static final String LETTER = "reponse-demande-acces.pdf";
    static final LocalDate FIRST_YEAR_DAY = LocalDate.of(2021, 1, 1);
    static final String ADDRESS = "Délégué à la protection des données\n4 boulevard Eugène Deruelle\n69003 Lyon\nFrance";
    private static final int LAST_YEAR = 2023;
    private static final String HEADER = "Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;"
            + "Informations complementaires;Type operation;Categorie;Sous categorie;Debit;Credit;Date operation;"
            + "Date de valeur;Pointage operation";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    /** Mixed into the seed for the operations' references, so that they do not follow the amounts' draws. */
    private static final long REFERENCES = 0x5DEECE66DL;
    /** The Livret A's rate over each year, as a whole-year average in hundredths of a per cent. */
    private static final int[] RATES = {50, 138, 300};

    private final long seed;

    BankAnswer(long seed) {
        this.seed = seed;
    }

    /** One line of the export, a credit: the day it was booked, the amount in cents, its labels and its kind. */
    record Line(LocalDate day, long cents, String shortLabel, String label, String information, String kind,
            String subcategory) {}

    /** The Livret A's operations in the order the bank's export lists them, newest first. */
    List<Line> lines() {
        SplittableRandom random = new SplittableRandom(seed);
        long balance = 120_000 + 1_000L * random.nextInt(80);
        List<Line> lines = new ArrayList<>();
        for (int year = FIRST_YEAR_DAY.getYear(); year <= LAST_YEAR; year++) {
            long gift = 3_000 + 1_000L * random.nextInt(6);
            lines.add(new Line(LocalDate.of(year, 10, 23), gift, "MME LE GOFF YVONNE", "VIR SEPA MME LE GOFF YVONNE",
                    "JOYEUX ANNIVERSAIRE", "Virement recu", "Cadeaux"));
            long christmas = 5_000 + 2_500L * random.nextInt(5);
            lines.add(new Line(LocalDate.of(year, 12, 22), christmas, "M OU MME MARTIN PHILIPPE",
                    "VIR SEPA M OU MME MARTIN PHILIPPE", "NOEL", "Virement recu", "Virements recus"));
            // Interest of the year, on the balance as it stood at its start: the gifts came late in the year.
            long interest = balance * RATES[year - FIRST_YEAR_DAY.getYear()] / 10_000;
            lines.add(new Line(LocalDate.of(year, 12, 31), interest, "INTERETS", "INTERETS CREDITEURS " + year, "",
                    "Interets", "Interets"));
            balance += gift + christmas + interest;
        }
        lines.sort(Comparator.comparing(Line::day).reversed());
        return lines;
    }

    /** The export, as the bank's CSV: one header row and one row an operation, each with a reference of its own. */
    Requests.Attachment statement() {
        long reference = 1_000_000 + new SplittableRandom(seed ^ REFERENCES).nextInt(8_000_000);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Line line : lines()) {
            String day = DAY.format(line.day());
            String credit = "+" + BankStatementWriter.euros(line.cents()).replace('.', ',');
            csv.append(String.join(";", day, line.shortLabel(), line.label(), Long.toString(reference++),
                    line.information(), line.kind(), "Epargne", line.subcategory(), "", credit, day, day, "0"))
                    .append("\r\n");
        }
        return new Requests.Attachment(STATEMENT, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The bank's letter, dated the day it answers, to the person at the address her request gave. */
    Requests.Attachment letter(String reference, LocalDate sentOn, LocalDate receivedOn, LocalDate answeredOn,
            String personAddress) {
        requireNonNull(reference, "reference is null");
        Letter letter = new Letter(Language.FRENCH,
                "Votre demande d’accès à vos données personnelles, réf. " + reference,
                String.join("\n",
                        "Madame,",
                        "",
                        "Nous avons reçu le " + said(receivedOn) + " votre lettre du " + said(sentOn)
                                + ", par laquelle vous exercez votre droit d’accès (article 15 du RGPD). Voici notre "
                                + "réponse.",
                        "",
                        "Finalités : tenir vos comptes et vos moyens de paiement, remplir nos obligations légales "
                                + "(lutte contre le blanchiment, obligations fiscales) et, avec votre accord, vous "
                                + "présenter nos offres.",
                        "Catégories de données : votre identité et vos coordonnées, vos comptes et leurs opérations, "
                                + "vos moyens de paiement.",
                        "Destinataires : les sociétés du groupe BPCE qui exploitent nos systèmes ; la Banque de "
                                + "France et l’administration fiscale quand la loi l’impose.",
                        "Durée de conservation : cinq ans après la clôture de chaque compte, dix ans pour les pièces "
                                + "comptables.",
                        "Vos droits : rectification, effacement, limitation, opposition et portabilité, auprès de "
                                + "notre délégué à la protection des données ; vous pouvez introduire une réclamation "
                                + "auprès de la CNIL.",
                        "Source : vous-même et les opérations que vous faites.",
                        "Nous ne prenons à votre sujet aucune décision fondée exclusivement sur un traitement "
                                + "automatisé, et vos données ne quittent pas l’Union européenne.",
                        "",
                        "Vous trouverez ci-joint, au format CSV, les opérations de votre Livret A depuis le "
                                + said(FIRST_YEAR_DAY) + ". Celles de votre compte courant sont dans les relevés de "
                                + "votre espace client.",
                        "",
                        "Nous vous prions d’agréer, Madame, nos salutations distinguées.",
                        "",
                        "Le délégué à la protection des données"));
        byte[] pdf = LetterPdf.render(letter, new Letterhead(BankStatementWriter.BANK, ADDRESS, Optional.empty(),
                DemoPerson.DISPLAY_NAME, personAddress, Optional.of("Lyon"), answeredOn));
        return new Requests.Attachment(LETTER, "application/pdf", pdf);
    }

    private static String said(LocalDate day) {
        return LetterDates.say(day, Language.FRENCH);
    }
}
