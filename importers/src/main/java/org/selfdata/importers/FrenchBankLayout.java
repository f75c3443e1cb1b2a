package org.selfdata.importers;

import org.selfdata.importers.CsvMapping.Field;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV layouts of French banks' "download my operations" exports, told apart by their header rows. Each is a
 * {@link CsvMapping} plus where the account number is, when the file gives one above the header.
 *
 * <p>There is no standard: unless noted, cells are separated by {@code ;}, amounts use a decimal comma (and spaces,
 * no-break spaces or narrow no-break spaces between thousands) and dates are {@code dd/mm/yyyy}.
 * <ul>
 *   <li>BoursoBank: one file for all of the person's accounts, each row naming its account; ISO dates. Older files
 *       lack {@code supplierFound} and {@code comment}.</li>
 *   <li>Société Générale: the account is the first cell of the first line, written {@code ="00050123456"}; newest
 *       operations first.</li>
 *   <li>Crédit Agricole: about ten preamble lines, one naming the account ({@code Compte de Dépôt carte n° …}); debits
 *       and credits as positive numbers in columns of their own; labels over several quoted lines.</li>
 *   <li>La Banque Postale: the account on a {@code Numéro Compte} line; amounts with an explicit {@code +}; an
 *       optional column in francs, ignored.</li>
 *   <li>BPCE (Caisse d'Épargne, Banque Populaire): debits written negative, credits with a {@code +}; no account in
 *       the file.</li>
 *   <li>Fortuneo: {@code -6,4}, {@code  45}; no account in the file.</li>
 *   <li>BNP Paribas: thousands separated by spaces, HTML entities in the labels of newer files (whose semicolons split
 *       unquoted cells: they are joined back); the masked account
 *       ({@code ****1234}) on the line above the header. Reconstructed from descriptions, without a sample file.</li>
 * </ul>
 * Order matters where layouts overlap: the fuller BoursoBank header is tried before the older one.
 */
enum FrenchBankLayout {
    BOURSOBANK("BoursoBank", mapping("yyyy-MM-dd")
            .column(Field.DATE, "dateOp").column(Field.VALUE_DATE, "dateVal").column(Field.LABEL, "label")
            .column(Field.CATEGORY, "category").column(Field.COUNTERPARTY, "supplierFound").column(Field.AMOUNT, "amount")
            .column(Field.MEMO, "comment").column(Field.ACCOUNT, "accountNum"),
            FrenchBankLayout::inEachRow, FrenchBankLayout::noBalance),
    BOURSOBANK_OLDER("BoursoBank", mapping("yyyy-MM-dd")
            .column(Field.DATE, "dateOp").column(Field.VALUE_DATE, "dateVal").column(Field.LABEL, "label")
            .column(Field.CATEGORY, "category").column(Field.AMOUNT, "amount").column(Field.ACCOUNT, "accountNum"),
            FrenchBankLayout::inEachRow, FrenchBankLayout::noBalance),
    SOCIETE_GENERALE("Société Générale", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date de l'opération").column(Field.LABEL, "Libellé")
            .column(Field.MEMO, "Détail de l'écriture").column(Field.AMOUNT, "Montant de l'opération")
            .column(Field.CURRENCY, "Devise"), FrenchBankLayout::firstCell, FrenchBankLayout::firstLineBalance),
    CREDIT_AGRICOLE("Crédit Agricole", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date").column(Field.LABEL, "Libellé")
            .column(Field.DEBIT, "Débit euros").column(Field.CREDIT, "Crédit euros"), FrenchBankLayout::numberInPreamble,
            FrenchBankLayout::soldeAu),
    LA_BANQUE_POSTALE("La Banque Postale", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date").column(Field.LABEL, "Libellé").column(Field.AMOUNT, "Montant(EUROS)"),
            FrenchBankLayout::numeroCompte, FrenchBankLayout::soldeEuros),
    BPCE("BPCE", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date de comptabilisation").column(Field.LABEL, "Libelle simplifie")
            .column(Field.MEMO, "Libelle operation").column(Field.REFERENCE, "Reference")
            .column(Field.KIND, "Type operation").column(Field.CATEGORY, "Categorie")
            .column(Field.DEBIT, "Debit").column(Field.CREDIT, "Credit").column(Field.VALUE_DATE, "Date de valeur"),
            FrenchBankLayout::notInFile, FrenchBankLayout::noBalance),
    FORTUNEO("Fortuneo", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date opération").column(Field.VALUE_DATE, "Date valeur").column(Field.LABEL, "libellé")
            .column(Field.DEBIT, "Débit").column(Field.CREDIT, "Crédit"),
            FrenchBankLayout::notInFile, FrenchBankLayout::noBalance),
    BNP_PARIBAS("BNP Paribas", mapping("dd/MM/yyyy").htmlEntities(true)
            .column(Field.DATE, "Date operation").column(Field.COUNTERPARTY, "Libelle court")
            .column(Field.KIND, "Type operation").column(Field.LABEL, "Libelle operation")
            .column(Field.AMOUNT, "Montant operation"), FrenchBankLayout::numberInPreamble, FrenchBankLayout::soldeAu);

    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[*•]{2,}\\d{4}|\\d{8,}");
    private static final Pattern SOLDE_AU = Pattern.compile("(?i)solde au (\\d{2}/\\d{2}/\\d{4})(.*)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FORMULA = Pattern.compile("=?\"?([^\"]*)\"?");

    private final String organization;
    private final CsvMapping mapping;
    private final Function<List<CsvRow>, Optional<String>> account;
    private final Function<List<CsvRow>, Optional<Balance>> balance;

    FrenchBankLayout(String organization, CsvMapping.Builder mapping, Function<List<CsvRow>, Optional<String>> account,
            Function<List<CsvRow>, Optional<Balance>> balance) {
        this.organization = organization;
        this.mapping = mapping.build();
        this.account = account;
        this.balance = balance;
    }

    /**
     * The balance a preamble states, and the day it was the balance.
     *
     * @param line the line stating it, for the account record's position
     */
    record Balance(BigDecimal amount, LocalDate date, long line) {}

    String organization() {
        return organization;
    }

    CsvMapping mapping() {
        return mapping;
    }

    /** Whether each row names its own account, so that the file holds several. */
    boolean accountInEachRow() {
        return mapping.column(Field.ACCOUNT).isPresent();
    }

    /** The account the preamble names, if it names one that can be an account number. */
    Optional<String> account(List<CsvRow> preamble) {
        return account.apply(preamble).map(String::strip).filter(number -> !number.isEmpty() && number.length() <= 64);
    }

    /** The account's balance, when the preamble states it with its date. */
    Optional<Balance> balance(List<CsvRow> preamble) {
        return balance.apply(preamble);
    }

    private static CsvMapping.Builder mapping(String datePattern) {
        return CsvMapping.builder().delimiter(';').datePattern(datePattern);
    }

    private static Optional<String> inEachRow(List<CsvRow> preamble) {
        return Optional.empty();
    }

    private static Optional<String> notInFile(List<CsvRow> preamble) {
        return Optional.empty();
    }

    /** Société Générale: {@code ="00050123456";…} on the first line. */
    private static Optional<String> firstCell(List<CsvRow> preamble) {
        return preamble.stream().findFirst().map(row -> FORMULA.matcher(row.cell(0).strip()))
                .filter(Matcher::matches).map(matcher -> matcher.group(1).strip()).filter(text -> !text.isEmpty());
    }

    /** La Banque Postale: {@code Numéro Compte ;0123456A020}. */
    private static Optional<String> numeroCompte(List<CsvRow> preamble) {
        return labelled(preamble, "numero compte").map(row -> row.cell(1).strip()).filter(text -> !text.isEmpty());
    }

    /** The first long number, or masked number, above the header: Crédit Agricole's {@code n° 12345678901}, BNP's. */
    private static Optional<String> numberInPreamble(List<CsvRow> preamble) {
        return preamble.stream().flatMap(row -> row.cells().stream()).map(ACCOUNT_NUMBER::matcher)
                .filter(Matcher::find).map(Matcher::group).findFirst();
    }

    private static Optional<Balance> noBalance(List<CsvRow> preamble) {
        return Optional.empty();
    }

    /** Société Générale: {@code ="<account>";from;to;count;date;1 234,37 EUR}. */
    private static Optional<Balance> firstLineBalance(List<CsvRow> preamble) {
        return preamble.stream().findFirst().flatMap(row -> balance(row.cell(5), row.cell(4), row.line()));
    }

    /** La Banque Postale: {@code Date ;31/10/2026} and {@code Solde (EUROS) ;+1234,56}. */
    private static Optional<Balance> soldeEuros(List<CsvRow> preamble) {
        Optional<CsvRow> date = labelled(preamble, "date");
        return labelled(preamble, "solde (euros)")
                .flatMap(solde -> date.flatMap(day -> balance(solde.cell(1), day.cell(1), solde.line())));
    }

    /** Crédit Agricole ({@code Solde au 31/10/2026 1 523,40 €}), BNP Paribas ({@code Solde au 31/10/2026;2 523,40}). */
    private static Optional<Balance> soldeAu(List<CsvRow> preamble) {
        for (CsvRow row : preamble) {
            for (int index = 0; index < row.cells().size(); index++) {
                Matcher matcher = SOLDE_AU.matcher(row.cell(index).strip());
                if (matcher.matches()) {
                    String amount = matcher.group(2).isBlank() ? nextCell(row, index) : matcher.group(2);
                    return balance(amount, matcher.group(1), row.line());
                }
            }
        }
        return Optional.empty();
    }

    private static String nextCell(CsvRow row, int index) {
        return row.cells().stream().skip(index + 1L).filter(cell -> !cell.isBlank()).findFirst().orElse("");
    }

    private static Optional<CsvRow> labelled(List<CsvRow> preamble, String label) {
        return preamble.stream().filter(row -> HeaderText.normalize(row.cell(0)).equals(label)).findFirst();
    }

    private static Optional<Balance> balance(String amount, String date, long line) {
        Optional<BigDecimal> parsed = AmountText.parse(amount, CsvMapping.DecimalMark.COMMA);
        try {
            LocalDate day = LocalDate.parse(date.strip(), DAY);
            boolean plausible = day.getYear() >= MappedCsvRows.FIRST_YEAR && day.getYear() <= MappedCsvRows.LAST_YEAR;
            return parsed.filter(value -> plausible).map(value -> new Balance(value, day, line));
        }
        catch (DateTimeParseException e) {
            // A preamble is informative: without a readable date, the file still has its transactions.
            return Optional.empty();
        }
    }
}
