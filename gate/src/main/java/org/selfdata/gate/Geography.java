package org.selfdata.gate;

import com.uber.h3core.H3Core;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns a coordinate into the area a location precision allows, with nothing fetched at run time.
 *
 * <ul>
 *   <li>H3: the cell's index, computed by Uber's H3 library; never the cell's centre.</li>
 *   <li>Country: the GeoNames shapes bundled on the class path ({@link Countries}).</li>
 *   <li>French département and region: a gazetteer of the 101 départements and their regions, with reference
 *       points (the middle, the prefecture, a few towns near edges) for the 96 metropolitan ones. A point in
 *       metropolitan France gets the département of the nearest reference point: right well inside a département,
 *       and possibly the neighbour within some ten kilometres of a boundary (of 75 sub-prefectures and towns that are
 *       not reference points, 64 are placed right). An overseas point gets the département of its territory. The
 *       region is the département's, so the two always agree.</li>
 *   <li>Commune: there are some 35,000 communes and selfdata ships no list of them; an operator who has one (the
 *       INSEE code, name and a reference point of each) passes it to {@link #withCommunes}. Without it commune
 *       precision is refused, never silently coarsened or refined.</li>
 * </ul>
 *
 * <p>A point outside every known area of the level asked for gets the next coarser known area: the country for a
 * département or region outside France, a département where no commune lies near, and {@link Area.Unknown} where no
 * country is known. Never the coordinate.
 */
public final class Geography {
    private static final double DEPARTMENT_RADIUS_KILOMETRES = 250;
    private static final double COMMUNE_RADIUS_KILOMETRES = 15;

    /** Without communes; what it knows is read on first use ({@link Maps}), so that opening a gate costs nothing. */
    private static final Geography BUNDLED = new Geography(Optional.empty());

    private final Optional<Gazetteer> communes;

    private Geography(Optional<Gazetteer> communes) {
        this.communes = communes;
    }

    /** The geography that ships with selfdata: H3, countries, French regions and départements; no communes. */
    public static Geography bundled() {
        return BUNDLED;
    }

    /**
     * Reads the bundled maps now rather than at the first coordinate placed: a server does so as it starts, so that a
     * platform the H3 library cannot load on stops it there, and a recipient's first read does not wait for the outlines.
     */
    public void load() {
        Maps.bundled();
    }

    /**
     * This geography with communes from an operator's list: one commune a line, its INSEE code, name, latitude and
     * longitude, separated by tabs, semicolons or commas; lines starting with {@code #} and a header line are skipped.
     */
    public static Geography withCommunes(Path communeList) {
        try (InputStream input = Files.newInputStream(communeList)) {
            List<Gazetteer.Place> places = new ArrayList<>();
            int line = 0;
            for (String[] columns : table(input, "the commune list")) {
                line++;
                Optional<Gazetteer.Place> place = commune(columns);
                if (place.isPresent()) {
                    places.add(place.get());
                }
                else if (line > 1) {
                    throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                            Wording.of("error.gate.communeRow", Integer.toString(line), communeList.getFileName().toString()));
                }
            }
            return new Geography(Optional.of(new Gazetteer(places)));
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.gate.communeListUnreadable", communeList.toString()), e);
        }
    }

    /** Whether this geography knows communes: with an operator's list, it tells towns apart; without, départements. */
    public boolean knowsCommunes() {
        return communes.isPresent();
    }

    /** Whether this geography can honour the precision: communes only with an operator's list of them. */
    public boolean supports(LocationPrecision precision) {
        return precision.level() != LocationPrecision.Level.COMMUNE || communes.isPresent();
    }

    /** Refuses, before any record is read, a precision this geography cannot honour. */
    public void requireSupported(LocationPrecision precision) {
        if (!supports(precision)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.gate.noCommuneList"));
        }
    }

    /** The area around a coordinate at a precision that replaces coordinates by areas: not exact, not none. */
    public Area area(double latitude, double longitude, LocationPrecision precision) {
        return switch (precision.level()) {
            case EXACT, NONE -> throw new SelfdataException(ErrorCode.INTERNAL,
                    "location precision " + precision + " has no area");
            case H3 -> new Area.Cell(precision.resolution(),
                    Long.toHexString(Maps.BUNDLED.h3.latLngToCell(latitude, longitude, precision.resolution())));
            case COMMUNE -> commune(latitude, longitude);
            case DEPARTMENT -> department(latitude, longitude);
            case REGION -> region(latitude, longitude);
            case COUNTRY -> country(latitude, longitude);
        };
    }

    private Area country(double latitude, double longitude) {
        return Maps.BUNDLED.countries.country(latitude, longitude).<Area>map(country -> country).orElseGet(Area.Unknown::new);
    }

    private Area department(double latitude, double longitude) {
        Optional<Area.Named> country = Maps.BUNDLED.countries.country(latitude, longitude);
        if (country.isEmpty()) {
            return new Area.Unknown();
        }
        Optional<Area.Named> department = country.get().code().equals("FR")
                ? Maps.BUNDLED.departments.nearest(latitude, longitude, DEPARTMENT_RADIUS_KILOMETRES)
                : Optional.ofNullable(Maps.BUNDLED.departmentsOfTerritories.get(country.get().code()));
        return department.<Area>map(found -> found).orElse(country.get());
    }

    private Area region(double latitude, double longitude) {
        Area department = department(latitude, longitude);
        return department instanceof Area.Named named && named.level().equals("department")
                ? Maps.BUNDLED.regionsOfDepartments.get(named.code())
                : department;
    }

    private Area commune(double latitude, double longitude) {
        requireSupported(LocationPrecision.COMMUNE);
        Area department = department(latitude, longitude);
        if (!(department instanceof Area.Named named && named.level().equals("department"))) {
            return department;
        }
        return communes.orElseThrow().nearest(latitude, longitude, COMMUNE_RADIUS_KILOMETRES)
                .<Area>map(commune -> commune).orElse(department);
    }

    private static Optional<Gazetteer.Place> commune(String[] columns) {
        if (columns.length != 4) {
            return Optional.empty();
        }
        try {
            double latitude = Double.parseDouble(columns[2].strip());
            double longitude = Double.parseDouble(columns[3].strip());
            if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
                return Optional.empty();
            }
            return Optional.of(new Gazetteer.Place(new Area.Named("commune", columns[0].strip(), columns[1].strip()),
                    latitude, longitude));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The lines of a small table, split on tabs, else semicolons, else commas; comments and blank lines skipped. */
    private static List<String[]> table(InputStream input, String what) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String separator = line.contains("\t") ? "\t" : line.contains(";") ? ";" : ",";
                rows.add(line.split(separator, -1));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
        return rows;
    }

    private static InputStream resource(String name) {
        InputStream stream = Geography.class.getResourceAsStream(name);
        if (stream == null) {
            throw new SelfdataException(ErrorCode.INTERNAL, name + " is not on the class path");
        }
        return stream;
    }

    /**
     * What selfdata ships: H3, the countries' outlines, the French regions and départements. Read once, when a first
     * coordinate is placed (the JVM initializes this class then), since the outlines take a fraction of a second to read
     * and most commands and requests place none.
     */
    private static final class Maps {
        private static final Maps BUNDLED = new Maps();

        /** The maps, read by the JVM's initialization of this class the first time it is asked for them. */
        static Maps bundled() {
            return BUNDLED;
        }

        private final H3Core h3;
        private final Countries countries;
        private final Gazetteer departments;
        private final Map<String, Area.Named> departmentsOfTerritories = new HashMap<>();
        private final Map<String, Area.Named> regionsOfDepartments = new HashMap<>();

        private Maps() {
            try {
                h3 = H3Core.newInstance();
            }
            catch (IOException e) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the H3 library could not be loaded", e);
            }
            countries = Countries.bundled();
            Map<String, Area.Named> regions = new HashMap<>();
            for (String[] columns : table(resource("france-regions.tsv"), "the French regions")) {
                regions.put(columns[0], new Area.Named("region", columns[0], columns[1]));
            }
            List<Gazetteer.Place> metropolitan = new ArrayList<>();
            for (String[] columns : table(resource("france-departements.tsv"), "the French départements")) {
                Area.Named department = new Area.Named("department", columns[0], columns[1]);
                regionsOfDepartments.put(department.code(), requireNonNull(regions.get(columns[2]), "region is unknown"));
                if (columns.length > 5) {
                    departmentsOfTerritories.put(columns[5], department);
                }
                else {
                    metropolitan.add(new Gazetteer.Place(department, Double.parseDouble(columns[3]),
                            Double.parseDouble(columns[4])));
                }
            }
            departments = new Gazetteer(metropolitan);
        }
    }
}
