package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.vault.VaultTables.CSV_MAPPINGS;
import static org.selfdata.vault.VaultTables.MAPPING;

@ParameterizedClass
@EnumSource(Engine.class)
class CsvMappingsTest {
    private static final String LAYOUT = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_LAYOUT = "fedcba9876543210fedcba9876543210";
    private static final String MAPPING_TEXT = "header=false\ncolumn.date=1\ncolumn.amount=3\n"
            + "account=FR7630001007941234567890185\n";

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    CsvMappingsTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aSavedMappingIsFoundByItsLayoutAndASecondSaveReplacesIt() {
        vault.csvMappings().save(camille.id(), LAYOUT, MAPPING_TEXT);
        vault.csvMappings().save(camille.id(), LAYOUT, "header=true\n");
        vault.csvMappings().save(camille.id(), OTHER_LAYOUT, MAPPING_TEXT);

        assertThat(vault.csvMappings().find(camille.id(), LAYOUT)).contains("header=true\n");
        assertThat(vault.csvMappings().all(camille.id())).isEqualTo(Map.of(LAYOUT, "header=true\n",
                OTHER_LAYOUT, MAPPING_TEXT));
    }

    @Test
    void anotherPersonFindsNothingOfCamillesMappings() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);

        vault.csvMappings().save(camille.id(), LAYOUT, MAPPING_TEXT);

        assertThat(vault.csvMappings().find(alix.id(), LAYOUT)).isEmpty();
        assertThat(vault.csvMappings().all(alix.id())).isEmpty();
    }

    @Test
    void theMappingAndTheAccountItNamesAreSealedInTheDatabase() {
        vault.csvMappings().save(camille.id(), LAYOUT, MAPPING_TEXT);

        byte[] stored = vault.database().transaction(camille.id(), connection -> vault.database().dsl(connection)
                .select(MAPPING).from(CSV_MAPPINGS).fetchOne(MAPPING));

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("FR7630001007941234567890185")
                .doesNotContain("column.date");
    }

    @Test
    void erasingThePersonErasesTheirMappings() {
        vault.csvMappings().save(camille.id(), LAYOUT, MAPPING_TEXT);

        vault.erasure().erasePerson(camille.id());

        long left = vault.database().transaction(camille.id(), connection -> vault.database().dsl(connection)
                .fetchCount(CSV_MAPPINGS));
        assertThat(left).isZero();
    }

    @Test
    void aLayoutThatIsNoFingerprintAndATooLongMappingAreRefused() {
        assertThatThrownBy(() -> vault.csvMappings().save(camille.id(), "bank.csv", MAPPING_TEXT))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("a file layout is named by 32 hexadecimal digits");
        assertThatThrownBy(() -> vault.csvMappings().save(camille.id(), LAYOUT, "x".repeat(CsvMappings.MAXIMUM_LENGTH + 1)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("the CSV mapping is longer than 16384 characters");
        assertThat(vault.csvMappings().all(camille.id())).isEmpty();
    }
}
