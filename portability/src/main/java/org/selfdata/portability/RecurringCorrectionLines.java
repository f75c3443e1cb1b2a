package org.selfdata.portability;

import org.selfdata.model.PersonId;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RecurringCorrections;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The person's corrections of the payments and income found coming back in their bank lines, as the lines of
 * {@code recurring-corrections.jsonl}: every correction in the order it was made, undone ones included, so that a
 * restored vault holds the same histories. A line holds the flow's {@code key}, the {@code verdict} (confirmed, ended,
 * notRecurring or undo), the {@code name} when the person gave one, and {@code at}.
 */
final class RecurringCorrectionLines {
    private static final Set<String> FIELDS = Set.of("key", "verdict", "name", "at");

    private RecurringCorrectionLines() {}

    static void write(ArchiveWriter archive, Vault vault, PersonId person) throws IOException {
        PartOutput output = archive.begin(ArchiveFormat.RECURRING_CORRECTIONS);
        try (JsonGenerator json = ArchiveJson.generator(output)) {
            vault.recurringCorrections().kept(person).forEach(correction -> write(json, correction));
        }
        archive.finish(output);
    }

    private static void write(JsonGenerator json, RecurringCorrection correction) {
        json.writeStartObject();
        json.writeStringProperty("key", correction.key());
        json.writeStringProperty("verdict", correction.verdict().term());
        correction.name().ifPresent(name -> json.writeStringProperty("name", name));
        json.writeStringProperty("at", correction.at().toString());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Every correction of the archive, checked as the vault would keep them; none in an archive from before them. */
    static List<RecurringCorrection> check(ArchiveReader reader) {
        if (reader.manifest().part(ArchiveFormat.RECURRING_CORRECTIONS).isEmpty()) {
            return List.of();
        }
        List<RecurringCorrection> corrections = new ArrayList<>();
        reader.readLines(reader.part(ArchiveFormat.RECURRING_CORRECTIONS), (line, number) -> {
            corrections.add(read(JsonLine.parse(ArchiveFormat.RECURRING_CORRECTIONS, number, line)));
            // A person corrects a few dozen flows: checking the whole history at each line names the line at fault.
            InvalidArchive.built(ArchiveFormat.RECURRING_CORRECTIONS, number, () -> {
                RecurringCorrections.check(corrections);
                return corrections;
            });
        });
        return corrections;
    }

    private static RecurringCorrection read(JsonLine line) {
        line.allowOnly(FIELDS);
        String key = line.text("key");
        RecurringVerdict verdict = RecurringVerdict.ofTerm(line.text("verdict"))
                .orElseThrow(() -> line.invalid(Wording.of("error.portability.recurringVerdict")));
        Optional<String> name = line.optionalText("name");
        Instant at = line.instant("at");
        return line.built(() -> new RecurringCorrection(key, verdict, name, at));
    }
}
