package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeographyTest {
    private static final Geography GEOGRAPHY = Geography.bundled();

    /**
     * Towns that are not reference points of the gazetteer, many of them near an edge of their département: name,
     * latitude, longitude, and INSEE département.
     */
    private static final String TOWNS = """
            Abbeville;50.105;1.835;80
            Soissons;49.381;3.324;02
            Épernay;49.040;3.959;51
            Verdun;49.160;5.384;55
            Sarreguemines;49.110;7.069;57
            Haguenau;48.816;7.790;67
            Saint-Dié-des-Vosges;48.285;6.949;88
            Lunéville;48.590;6.496;54
            Langres;47.863;5.333;52
            Beaune;47.025;4.840;21
            Autun;46.951;4.299;71
            Oyonnax;46.257;5.655;01
            Annemasse;46.193;6.234;74
            Albertville;45.676;6.392;73
            Voiron;45.364;5.589;38
            Romans-sur-Isère;45.043;5.051;26
            Aubenas;44.620;4.390;07
            Orange;44.138;4.808;84
            Carpentras;44.055;5.048;84
            Aix-en-Provence;43.529;5.447;13
            Manosque;43.829;5.786;04
            Briançon;44.897;6.635;05
            Menton;43.775;7.497;06
            Hyères;43.120;6.130;83
            Lunel;43.676;4.136;34
            Limoux;43.054;2.219;11
            Prades;42.617;2.422;66
            Pamiers;43.117;1.611;09
            Saint-Gaudens;43.108;0.723;31
            Condom;43.958;0.372;32
            Marmande;44.500;0.165;47
            Villeneuve-sur-Lot;44.408;0.704;47
            Sarlat-la-Canéda;44.890;1.216;24
            Libourne;44.915;-0.244;33
            Cognac;45.696;-0.329;16
            Saintes;45.746;-0.633;17
            Rochefort;45.942;-0.958;17
            Bressuire;46.841;-0.489;79
            Châtellerault;46.817;0.546;86
            Saumur;47.260;-0.077;49
            Chinon;47.167;0.242;37
            Vendôme;47.793;1.066;41
            Romorantin-Lanthenay;47.358;1.741;41
            Vierzon;47.222;2.068;18
            Montargis;47.997;2.733;45
            Dreux;48.737;1.366;28
            Nogent-le-Rotrou;48.322;0.822;28
            La Flèche;47.699;-0.076;72
            Château-Gontier;47.829;-0.703;53
            Fougères;48.352;-1.199;35
            Vitré;48.124;-1.209;35
            Dinan;48.455;-2.047;22
            Lannion;48.732;-3.456;22
            Morlaix;48.578;-3.828;29
            Pontivy;48.068;-2.963;56
            Redon;47.652;-2.084;35
            Ancenis;47.366;-1.177;44
            Les Sables-d'Olonne;46.497;-1.783;85
            Fontenay-le-Comte;46.466;-0.806;85
            Lisieux;49.146;0.227;14
            Bayeux;49.276;-0.703;14
            Avranches;48.685;-1.357;50
            Argentan;48.745;-0.020;61
            Dieppe;49.922;1.078;76
            Vernon;49.093;1.485;27
            Senlis;49.207;2.587;60
            Château-Thierry;49.046;3.403;02
            Provins;48.560;3.299;77
            Nogent-sur-Seine;48.494;3.503;10
            Bar-sur-Aube;48.233;4.706;10
            Vitry-le-François;48.725;4.585;51
            Sedan;49.702;4.940;08
            Avesnes-sur-Helpe;50.123;3.928;59
            Cambrai;50.176;3.234;59
            Saint-Omer;50.750;2.252;62
            """;

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
    void townsAwayFromTheReferencePointsFallInTheirDepartmentSaveElevenNearAnEdge() {
        List<String> misplaced = new ArrayList<>();
        String[] towns = TOWNS.strip().split("\n");
        for (String town : towns) {
            String[] columns = town.strip().split(";");
            Area area = department(Double.parseDouble(columns[1]), Double.parseDouble(columns[2]));
            if (!(area instanceof Area.Named named && named.code().equals("FR-" + columns[3]))) {
                misplaced.add(columns[0] + " in " + ((Area.Named) area).code());
            }
        }
        assertThat(towns).hasSize(75);
        assertThat(misplaced).containsExactly("Saint-Dié-des-Vosges in FR-68", "Beaune in FR-71",
                "Sarlat-la-Canéda in FR-19", "Cognac in FR-17", "Dinan in FR-35", "Redon in FR-44",
                "Fontenay-le-Comte in FR-79", "Lisieux in FR-76", "Château-Thierry in FR-77", "Nogent-sur-Seine in FR-89",
                "Bar-sur-Aube in FR-52");
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
