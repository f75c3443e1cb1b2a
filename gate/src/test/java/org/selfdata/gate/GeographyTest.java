package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeographyTest {
    private static final Geography GEOGRAPHY = Geography.bundled();

    @TempDir
    Path folder;

    private static Area department(double latitude, double longitude) {
        return GEOGRAPHY.area(latitude, longitude, LocationPrecision.DEPARTMENT);
    }

    private static Area region(double latitude, double longitude) {
        return GEOGRAPHY.area(latitude, longitude, LocationPrecision.REGION);
    }

    @Test
    void citiesFallInTheirDepartment() {
        assertThat(department(45.7578, 4.8320)).isEqualTo(new Area.Named("department", "FR-69", "Rhône"));
        assertThat(department(48.8530, 2.3499)).isEqualTo(new Area.Named("department", "FR-75", "Paris"));
        assertThat(department(48.5734, 7.7521)).isEqualTo(new Area.Named("department", "FR-67", "Bas-Rhin"));
        assertThat(department(48.3904, -4.4861)).isEqualTo(new Area.Named("department", "FR-29", "Finistère"));
        assertThat(department(43.2965, 5.3698)).isEqualTo(new Area.Named("department", "FR-13", "Bouches-du-Rhône"));
        assertThat(department(50.6292, 3.0573)).isEqualTo(new Area.Named("department", "FR-59", "Nord"));
        assertThat(department(43.6047, 1.4442)).isEqualTo(new Area.Named("department", "FR-31", "Haute-Garonne"));
        assertThat(department(41.9192, 8.7386)).isEqualTo(new Area.Named("department", "FR-2A", "Corse-du-Sud"));
    }

    @Test
    void aRegionIsItsDepartmentsRegion() {
        assertThat(region(41.9192, 8.7386)).isEqualTo(new Area.Named("region", "FR-20R", "Corse"));
        assertThat(region(47.2184, -1.5536)).isEqualTo(new Area.Named("region", "FR-PDL", "Pays de la Loire"));
        assertThat(region(48.5734, 7.7521)).isEqualTo(new Area.Named("region", "FR-GES", "Grand Est"));
    }

    @Test
    void anOverseasPointIsInItsTerritorysDepartmentAndRegion() {
        assertThat(department(-20.8823, 55.4504)).isEqualTo(new Area.Named("department", "FR-974", "La Réunion"));
        assertThat(region(14.6161, -61.0588)).isEqualTo(new Area.Named("region", "FR-972", "Martinique"));
    }

    @Test
    void outsideFranceADepartmentOrRegionIsTheCountry() {
        Area germany = new Area.Named("country", "DE", "Germany");
        assertThat(department(52.5200, 13.4050)).isEqualTo(germany);
        assertThat(region(52.5200, 13.4050)).isEqualTo(germany);
        assertThat(region(43.7384, 7.4246)).isEqualTo(new Area.Named("country", "MC", "Monaco"));
    }

    @Test
    void countries() {
        assertThat(GEOGRAPHY.area(45.7578, 4.8320, LocationPrecision.COUNTRY))
                .isEqualTo(new Area.Named("country", "FR", "France"));
        assertThat(GEOGRAPHY.area(-33.8688, 151.2093, LocationPrecision.COUNTRY))
                .isEqualTo(new Area.Named("country", "AU", "Australia"));
        assertThat(GEOGRAPHY.area(40.7128, -74.0060, LocationPrecision.COUNTRY))
                .isEqualTo(new Area.Named("country", "US", "United States"));
    }

    @Test
    void theOpenSeaIsUnknownAtEveryLevel() {
        for (LocationPrecision precision
                : new LocationPrecision[] {LocationPrecision.DEPARTMENT, LocationPrecision.REGION, LocationPrecision.COUNTRY}) {
            assertThat(GEOGRAPHY.area(30.0, -40.0, precision)).isEqualTo(new Area.Unknown());
        }
    }

    @Test
    void anH3CellIsItsIndex() {
        assertThat(GEOGRAPHY.area(37.775938728915946, -122.41795063018799, LocationPrecision.h3(9)))
                .isEqualTo(new Area.Cell(9, "8928308280fffff"));
    }

    @Test
    void communesComeFromTheOperatorsListAndFallBackToTheDepartment() throws IOException {
        Path list = Files.writeString(folder.resolve("communes.csv"), """
                code;name;latitude;longitude
                69123;Lyon;45.7578;4.8320
                69266;Villeurbanne;45.7719;4.8902
                75056;Paris;48.8566;2.3522
                """);
        Geography geography = Geography.withCommunes(list);
        assertThat(geography.area(45.7797, 4.8664, LocationPrecision.COMMUNE))
                .isEqualTo(new Area.Named("commune", "69266", "Villeurbanne"));
        assertThat(geography.area(48.1173, -1.6778, LocationPrecision.COMMUNE))
                .isEqualTo(new Area.Named("department", "FR-35", "Ille-et-Vilaine"));
        assertThat(geography.area(52.5200, 13.4050, LocationPrecision.COMMUNE))
                .isEqualTo(new Area.Named("country", "DE", "Germany"));
    }

    @Test
    void aCommuneListWithAnUnreadableRowIsRefusedWithoutQuotingIt() throws IOException {
        Path list = Files.writeString(folder.resolve("communes.csv"), """
                69123;Lyon;45.7578;4.8320
                69266;Villeurbanne;north;4.8902
                """);
        assertThatThrownBy(() -> Geography.withCommunes(list))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("row 2 of the commune list communes.csv is not code, name, latitude, longitude");
    }

    @Test
    void withoutACommuneListCommunePrecisionIsRefused() {
        assertThatThrownBy(() -> GEOGRAPHY.area(45.7578, 4.8320, LocationPrecision.COMMUNE))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("commune precision needs a commune list");
    }
}
