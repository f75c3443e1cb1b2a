package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Origin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryTest {
    private static final Directory SHIPPED = Directory.shipped();

    @Test
    void aNameFindsItsOrganizationFirst() {
        assertThat(slugs(SHIPPED.search("Clearview", Optional.empty(), 5))).startsWith("clearview-ai");
    }

    @Test
    void aWebHostOrAWebAddressFindsItsOrganization() {
        assertThat(slugs(SHIPPED.search("clearview.ai", Optional.empty(), 5))).startsWith("clearview-ai");
        assertThat(slugs(SHIPPED.search("https://www.clearview.ai/privacy-policy", Optional.empty(), 5)))
                .containsExactly("clearview-ai");
    }

    @Test
    void theStartOfANameFindsItWhateverTheCase() {
        assertThat(slugs(SHIPPED.search("sncf", Optional.empty(), 10))).contains("sncf-connect");
        assertThat(slugs(SHIPPED.search("SNCF Connect", Optional.empty(), 1))).containsExactly("sncf-connect");
    }

    @Test
    void aBrandFindsTheOrganizationThatRunsItEvenWithoutItsAccent() {
        assertThat(slugs(SHIPPED.search("Sofitel", Optional.empty(), 1))).containsExactly("accor-all");
        assertThat(slugs(SHIPPED.search("swissotel", Optional.empty(), 1))).containsExactly("accor-all");
    }

    @Test
    void accentsAndCaseAreIgnored() {
        Directory directory = Directory.of(List.of(organization("societe-generale", "Société Générale"),
                organization("generali", "Generali")));

        assertThat(slugs(directory.search("societe", Optional.empty(), 10))).containsExactly("societe-generale");
        assertThat(slugs(directory.search("SOCIÉTÉ générale", Optional.empty(), 10))).containsExactly("societe-generale");
        assertThat(slugs(directory.search("générali", Optional.empty(), 10))).containsExactly("generali");
    }

    @Test
    void theExactNameComesFirstThenANameThatStartsWithTheQueryThenAWordThatDoesThenTheQueryAnywhere() {
        Directory directory = Directory.of(List.of(organization("blorange", "Blorange"),
                organization("la-poste-orange", "La Poste Orange"), organization("orange-bank", "Orange Bank"),
                organization("orange", "Orange"), organization("apple", "Apple")));

        assertThat(slugs(directory.search("orange", Optional.empty(), 10)))
                .containsExactly("orange", "orange-bank", "la-poste-orange", "blorange");
        assertThat(slugs(directory.search("orange", Optional.empty(), 2))).containsExactly("orange", "orange-bank");
    }

    @Test
    void aCategoryKeepsOnlyItsOrganizations() {
        List<Organization> travel = SHIPPED.search("", Optional.of("travel"), Directory.MAXIMUM_LIMIT);

        assertThat(travel).isNotEmpty().allSatisfy(found -> assertThat(found.categories()).contains("travel"));
        assertThat(slugs(SHIPPED.search("sncf", Optional.of("travel"), 10))).contains("sncf-connect");
        assertThat(slugs(SHIPPED.search("sncf", Optional.of("telecommunication"), 10))).doesNotContain("sncf-connect");
        assertThat(SHIPPED.categories()).contains("telecommunication", "travel").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theCompetentAuthorityForFranceIsTheCnilWithItsPostalAddress() {
        Organization cnil = SHIPPED.competentAuthority("fr").orElseThrow();

        assertThat(cnil.slug()).isEqualTo("frcnil");
        assertThat(cnil.authority()).isTrue();
        assertThat(cnil.postalAddress()).contains("3 Place de Fontenoy\nTSA 80715\n75334 PARIS CEDEX 07\nFrance");
        assertThat(cnil.requestLanguage()).contains("fr");
        assertThat(SHIPPED.competentAuthority("FR")).contains(cnil);
        assertThat(SHIPPED.find("frcnil")).contains(cnil);
        assertThat(SHIPPED.authorities()).contains(cnil).allSatisfy(found -> assertThat(found.authority()).isTrue());
    }

    @Test
    void aCountryWithSeveralAuthoritiesOrNoneHasNoSingleCompetentOne() {
        assertThat(SHIPPED.competentAuthority("de")).isEmpty();
        assertThat(SHIPPED.competentAuthority("us")).isEmpty();
        assertThatThrownBy(() -> SHIPPED.competentAuthority("france"))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("a country is named by its two-letter ISO 3166-1 code, such as fr");
    }

    @Test
    void aSourcesNameOrWebHostFindsItsOrganizationAndNothingLooser() {
        assertThat(SHIPPED.bestMatch("SNCF Connect", Optional.empty()).map(Organization::slug)).contains("sncf-connect");
        assertThat(SHIPPED.bestMatch("Clearview AI", Optional.empty()).map(Organization::slug)).contains("clearview-ai");
        assertThat(SHIPPED.bestMatch("Free Mobile", Optional.of("mobile.free.fr")).map(Organization::slug))
                .contains("free-fr");
        assertThat(SHIPPED.bestMatch("Sofitel", Optional.empty()).map(Organization::slug)).contains("accor-all");
        assertThat(SHIPPED.bestMatch("Free Mobile", Optional.empty())).isEmpty();
        assertThat(SHIPPED.bestMatch("Clearview", Optional.empty())).isEmpty();
    }

    @Test
    void aBrandTwoOrganizationsClaimDecidesNothing() {
        Directory directory = Directory.of(List.of(organization("hotels", "Hotels SA", List.of("Adagio")),
                organization("onfocus", "Onfocus SAS", List.of("Adagio"))));

        assertThat(directory.bestMatch("Adagio", Optional.empty())).isEmpty();
    }

    @Test
    void thePersonsCorrectionReplacesTheDirectorysEntryInSearchFindAndMatch() {
        Organization corrected = new Organization("clearview-ai", "Clearview AI, Inc.", Optional.empty(),
                Optional.of("privacy@clearview.ai"), Optional.empty(), Optional.empty(),
                Optional.of("https://clearview.ai/"), Optional.empty(), List.of(), List.of("all"), List.of(), false,
                Optional.empty(), Optional.empty(), false, Origin.PERSON);

        Directory directory = SHIPPED.withPersonEntries(List.of(corrected));

        assertThat(directory.find("clearview-ai")).contains(corrected);
        assertThat(directory.search("Clearview", Optional.empty(), 5))
                .filteredOn(found -> found.slug().equals("clearview-ai")).containsExactly(corrected);
        assertThat(directory.bestMatch("Clearview AI", Optional.empty())).contains(corrected);
        assertThat(SHIPPED.find("clearview-ai").orElseThrow().email()).contains("legal-requests@clearview.ai");
    }

    @Test
    void anOrganizationThePersonAddsIsFoundBesideTheDirectorys() {
        Organization added = organization("mutuelle-des-lilas", "Mutuelle des Lilas").withOrigin(Origin.PERSON);

        Directory directory = SHIPPED.withPersonEntries(List.of(added));

        assertThat(directory.search("lilas", Optional.empty(), 5)).containsExactly(added);
        assertThat(directory.find("sncf-connect")).isPresent();
    }

    @Test
    void aSearchIsBoundedInItsQueryAndItsNumberOfOrganizations() {
        assertThatThrownBy(() -> SHIPPED.search("x".repeat(Directory.MAXIMUM_QUERY_LENGTH + 1), Optional.empty(), 5))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("a search of the directory is at most 200 characters long");
        assertThatThrownBy(() -> SHIPPED.search("sncf", Optional.empty(), 0))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("a search of the directory returns from 1 to 100 organizations");
        assertThat(SHIPPED.search("", Optional.empty(), Directory.MAXIMUM_LIMIT)).hasSize(Directory.MAXIMUM_LIMIT);
    }

    @Test
    void theShippedDirectoryIsReadOnce() {
        assertThat(Directory.shipped()).isSameAs(Directory.shipped());
    }

    @Test
    void aDirectoryResourceBeyondItsBoundsIsRefusedRatherThanRead() throws IOException {
        byte[] tooLongLine = gzip("x".repeat(Directory.MAXIMUM_LINE_LENGTH + 1) + "\n");
        byte[] tooManyLines = gzip((OrganizationJson.write(organization("orange", "Orange")) + "\n")
                .repeat(Directory.MAXIMUM_ENTRIES + 1));

        assertThatThrownBy(() -> Directory.read(new ByteArrayInputStream(tooLongLine))).isInstanceOf(IOException.class)
                .hasMessage("the directory resource is larger than a directory can be");
        assertThatThrownBy(() -> Directory.read(new ByteArrayInputStream(tooManyLines))).isInstanceOf(IOException.class)
                .hasMessage("the directory resource is larger than a directory can be");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream compressed = new GZIPOutputStream(bytes)) {
            compressed.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static Organization organization(String slug, String name) {
        return organization(slug, name, List.of());
    }

    static Organization organization(String slug, String name, List<String> runs) {
        return new Organization(slug, name, Optional.of("1 rue de la Paix\n75002 Paris\nFrance"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of("finance"),
                List.of("fr"), List.of(), false, Optional.empty(), Optional.empty(), false, Origin.DIRECTORY, runs);
    }

    private static List<String> slugs(List<Organization> organizations) {
        return organizations.stream().map(Organization::slug).toList();
    }
}
