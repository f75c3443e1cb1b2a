package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Origin;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;
import org.selfdata.vault.VaultWithCamille;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class PersonOrganizationsTest {
    private static final Organization MUTUELLE = new Organization("mutuelle-des-lilas", "Mutuelle des Lilas",
            Optional.of("12 rue des Lilas\n93260 Les Lilas\nFrance"), Optional.of("dpo@mutuelle-des-lilas.example"),
            Optional.empty(), Optional.empty(), Optional.of("https://mutuelle-des-lilas.example/"), Optional.empty(),
            List.of("insurance"), List.of("fr"), List.of(), false, Optional.of("fr"), Optional.empty(), false,
            Origin.PERSON);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;
    private final PersonOrganizations organizations;

    PersonOrganizationsTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
        organizations = new PersonOrganizations(vault.rightsOrganizations(), Directory.shipped());
    }

    @Test
    void thePersonsCorrectionReplacesTheDirectorysEntryInSearchAndFind() {
        Organization directorys = Directory.shipped().find("sncf-connect").orElseThrow();
        Organization corrected = new Organization(directorys.slug(), directorys.name(), directorys.postalAddress(),
                Optional.of("dpo@sncf-connect.example"), directorys.phone(), directorys.fax(), directorys.web(),
                directorys.webForm(), directorys.categories(), directorys.countries(), directorys.requiredElements(),
                directorys.needsIdentityDocument(), directorys.requestLanguage(), directorys.suggestedChannel(), false,
                Origin.DIRECTORY, directorys.runs());

        Organization saved = organizations.save(camille.id(), corrected);

        assertThat(saved).isEqualTo(corrected.withOrigin(Origin.PERSON));
        Directory camilles = organizations.directory(camille.id());
        assertThat(camilles.find("sncf-connect")).contains(saved);
        assertThat(camilles.search("sncf connect", Optional.empty(), 5)).first().isEqualTo(saved);
        assertThat(camilles.search("sncf", Optional.empty(), 100)).filteredOn(found -> found.slug().equals("sncf-connect"))
                .containsExactly(saved);
    }

    @Test
    void removingTheCorrectionBringsBackTheDirectorysEntry() {
        organizations.save(camille.id(), MUTUELLE);

        assertThat(organizations.remove(camille.id(), "mutuelle-des-lilas")).isTrue();

        assertThat(organizations.all(camille.id())).isEmpty();
        assertThat(organizations.directory(camille.id()).find("mutuelle-des-lilas")).isEmpty();
    }

    @Test
    void aSirenNumberIsKeptWithoutTheSpacesThatGroupItsDigits() {
        Organization saved = organizations.save(camille.id(), MUTUELLE.withSiren(Optional.of("732 829\u00a0320")));

        assertThat(saved.siren()).contains("732829320");
        assertThat(organizations.find(camille.id(), "mutuelle-des-lilas").flatMap(Organization::siren))
                .contains("732829320");
    }

    @Test
    void anOrganizationWithAWrongSirenNumberIsNotKept() {
        assertThatThrownBy(() -> organizations.save(camille.id(), MUTUELLE.withSiren(Optional.of("732 829 321"))))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("siren: expected a SIREN number, nine digits with a valid check digit, such as 732 829 320");
        assertThat(organizations.all(camille.id())).isEmpty();
    }

    @Test
    void thePersonsOrganizationSurvivesReopeningTheVault() throws Exception {
        organizations.save(camille.id(), MUTUELLE);
        VaultLocation location = vault.location();
        vault.close();

        try (Vault reopened = Vault.open(location, TestVaults.keyFile(fixture.folder()))) {
            PersonOrganizations again = new PersonOrganizations(reopened.rightsOrganizations(), Directory.shipped());

            assertThat(again.all(camille.id())).containsExactly(MUTUELLE);
            assertThat(again.find(camille.id(), "mutuelle-des-lilas")).contains(MUTUELLE);
            assertThat(again.directory(camille.id()).search("lilas", Optional.empty(), 5)).containsExactly(MUTUELLE);
        }
    }

    @Test
    void thePersonsOrganizationIsSealedInTheDatabase() throws Exception {
        organizations.save(camille.id(), MUTUELLE);

        String stored = vault.location().postgres().isPresent() ? postgresRows() : sqliteFiles();

        assertThat(stored).contains("mutuelle-des-lilas").doesNotContain("Mutuelle des Lilas")
                .doesNotContain("dpo@mutuelle-des-lilas.example");
    }

    @Test
    void anOrganizationThatFailsItsChecksIsNotKept() {
        Organization unreachable = new Organization("mutuelle-des-lilas", "Mutuelle des Lilas", Optional.empty(),
                Optional.empty(), Optional.of("+33 1 23 45 67 89"), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), false, Optional.empty(), Optional.empty(), false,
                Origin.PERSON);

        assertThatThrownBy(() -> organizations.save(camille.id(), unreachable))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("an organization needs a way to reach it: an e-mail address, a postal address or a web form");
        assertThat(organizations.all(camille.id())).isEmpty();
    }

    /** The vault's files on disk, with the write-ahead log, as someone who copied them would read them. */
    private String sqliteFiles() throws Exception {
        VaultLocation location = vault.location();
        vault.close();
        StringBuilder bytes = new StringBuilder();
        String databaseName = location.databaseFile().getFileName().toString();
        try (var files = Files.list(location.databaseFile().getParent())) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith(databaseName)).toList()) {
                bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return bytes.toString();
    }

    /** The table's rows as someone with access to the database server would read them. */
    private String postgresRows() {
        StringBuilder bytes = new StringBuilder();
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT slug, organization FROM rights_organizations")) {
                while (rows.next()) {
                    bytes.append(rows.getString(1)).append(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1));
                }
            }
        });
        return bytes.toString();
    }
}
