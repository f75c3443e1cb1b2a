package org.selfdata.importers;

import org.selfdata.importers.CsvMapping.Field;

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
            .column(Field.MEMO, "comment").column(Field.ACCOUNT, "accountNum"), FrenchBankLayout::inEachRow),
    BOURSOBANK_OLDER("BoursoBank", mapping("yyyy-MM-dd")
            .column(Field.DATE, "dateOp").column(Field.VALUE_DATE, "dateVal").column(Field.LABEL, "label")
            .column(Field.CATEGORY, "category").column(Field.AMOUNT, "amount").column(Field.ACCOUNT, "accountNum"),
            FrenchBankLayout::inEachRow),
    SOCIETE_GENERALE("Société Générale", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date de l'opération").column(Field.LABEL, "Libellé")
            .column(Field.MEMO, "Détail de l'écriture").column(Field.AMOUNT, "Montant de l'opération")
            .column(Field.CURRENCY, "Devise"), FrenchBankLayout::firstCell),
    CREDIT_AGRICOLE("Crédit Agricole", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date").column(Field.LABEL, "Libellé")
            .column(Field.DEBIT, "Débit euros").column(Field.CREDIT, "Crédit euros"), FrenchBankLayout::numberInPreamble),
    LA_BANQUE_POSTALE("La Banque Postale", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date").column(Field.LABEL, "Libellé").column(Field.AMOUNT, "Montant(EUROS)"),
            FrenchBankLayout::numeroCompte),
    BPCE("BPCE", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date de comptabilisation").column(Field.LABEL, "Libelle simplifie")
            .column(Field.MEMO, "Libelle operation").column(Field.REFERENCE, "Reference")
            .column(Field.KIND, "Type operation").column(Field.CATEGORY, "Categorie")
            .column(Field.DEBIT, "Debit").column(Field.CREDIT, "Credit").column(Field.VALUE_DATE, "Date de valeur"),
            FrenchBankLayout::notInFile),
    FORTUNEO("Fortuneo", mapping("dd/MM/yyyy")
            .column(Field.DATE, "Date opération").column(Field.VALUE_DATE, "Date valeur").column(Field.LABEL, "libellé")
            .column(Field.DEBIT, "Débit").column(Field.CREDIT, "Crédit"), FrenchBankLayout::notInFile),
    BNP_PARIBAS("BNP Paribas", mapping("dd/MM/yyyy").htmlEntities(true)
            .column(Field.DATE, "Date operation").column(Field.COUNTERPARTY, "Libelle court")
            .column(Field.KIND, "Type operation").column(Field.LABEL, "Libelle operation")
            .column(Field.AMOUNT, "Montant operation"), FrenchBankLayout::numberInPreamble);

    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[*•]{2,}\\d{4}|\\d{8,}");
    private static final Pattern FORMULA = Pattern.compile("=?\"?([^\"]*)\"?");

    private final String organization;
    private final CsvMapping mapping;
    private final Function<List<CsvRow>, Optional<String>> account;

    FrenchBankLayout(String organization, CsvMapping.Builder mapping, Function<List<CsvRow>, Optional<String>> account) {
        this.organization = organization;
        this.mapping = mapping.build();
        this.account = account;
    }

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

    /** The account the preamble names, if it names one. */
    Optional<String> account(List<CsvRow> preamble) {
        return account.apply(preamble);
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
        return preamble.stream().filter(row -> HeaderText.normalize(row.cell(0)).equals("numero compte"))
                .map(row -> row.cell(1).strip()).filter(text -> !text.isEmpty()).findFirst();
    }

    /** The first long number, or masked number, above the header: Crédit Agricole's {@code n° 12345678901}, BNP's. */
    private static Optional<String> numberInPreamble(List<CsvRow> preamble) {
        return preamble.stream().flatMap(row -> row.cells().stream()).map(ACCOUNT_NUMBER::matcher)
                .filter(Matcher::find).map(Matcher::group).findFirst();
    }
}
