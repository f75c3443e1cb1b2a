package org.selfdata.portability;

import org.selfdata.model.PersonId;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.texts.Wording;
import org.selfdata.vault.PlaceCorrections;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The person's corrections of the places found in their locations, as the lines of {@code place-corrections.jsonl}:
 * every correction in the order it was made, taken back ones included, so that a restored vault holds the same
 * histories. A line holds the place's {@code key}, its {@code latitude} and {@code longitude} as decimal text (a
 * position comes back bit for bit, and an archive line holds no fraction), the {@code verdict} (confirmed, named,
 * wrong or withdrawn), the {@code name} with the verdict named, and {@code at}.
 */
final class PlaceCorrectionLines {
    private static final Set<String> FIELDS = Set.of("key", "latitude", "longitude", "verdict", "name", "at");

    private PlaceCorrectionLines() {}

    static void write(ArchiveWriter archive, Vault vault, PersonId person) throws IOException {
        PartOutput output = archive.begin(ArchiveFormat.PLACE_CORRECTIONS);
        try (JsonGenerator json = ArchiveJson.generator(output)) {
            vault.placeCorrections().kept(person).forEach(correction -> write(json, correction));
        }
        archive.finish(output);
    }

    private static void write(JsonGenerator json, PlaceCorrection correction) {
        json.writeStartObject();
        json.writeStringProperty("key", correction.key());
        json.writeStringProperty("latitude", Double.toString(correction.latitude()));
        json.writeStringProperty("longitude", Double.toString(correction.longitude()));
        json.writeStringProperty("verdict", correction.verdict().term());
        correction.name().ifPresent(name -> json.writeStringProperty("name", name));
        json.writeStringProperty("at", correction.at().toString());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Every correction of the archive, checked as the vault would keep them; none in an archive from before them. */
    static List<PlaceCorrection> check(ArchiveReader reader) {
        if (reader.manifest().part(ArchiveFormat.PLACE_CORRECTIONS).isEmpty()) {
            return List.of();
        }
        List<PlaceCorrection> corrections = new ArrayList<>();
        reader.readLines(reader.part(ArchiveFormat.PLACE_CORRECTIONS), (line, number) -> {
            corrections.add(read(JsonLine.parse(ArchiveFormat.PLACE_CORRECTIONS, number, line)));
            // A person corrects a few dozen places: checking the whole history at each line names the line at fault.
            InvalidArchive.built(ArchiveFormat.PLACE_CORRECTIONS, number, () -> {
                PlaceCorrections.check(corrections);
                return corrections;
            });
        });
        return corrections;
    }

    private static PlaceCorrection read(JsonLine line) {
        line.allowOnly(FIELDS);
        String key = line.text("key");
        double latitude = degrees(line, "latitude");
        double longitude = degrees(line, "longitude");
        PlaceVerdict verdict = PlaceVerdict.ofTerm(line.text("verdict"))
                .orElseThrow(() -> line.invalid(Wording.of("error.portability.placeVerdict")));
        Optional<String> name = line.optionalText("name");
        Instant at = line.instant("at");
        return line.built(() -> new PlaceCorrection(key, latitude, longitude, verdict, name, at));
    }

    private static double degrees(JsonLine line, String field) {
        try {
            return Double.parseDouble(line.text(field));
        }
        catch (NumberFormatException notANumber) {
            throw line.invalid(Wording.of("error.portability.fieldDecimal", field));
        }
    }
}
