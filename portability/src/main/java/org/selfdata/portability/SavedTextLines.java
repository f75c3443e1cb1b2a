package org.selfdata.portability;

import org.selfdata.vault.SavedText;
import tools.jackson.core.JsonGenerator;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Texts a person keeps by name as lines of their parts: {@code csv-mappings.jsonl} ({@code layout}, {@code mapping}),
 * {@code rights-organizations.jsonl} ({@code slug}, {@code organization}) and {@code rights-settings.jsonl}
 * ({@code name}, {@code value}), each with {@code savedAt}. The text is written as the string it is, opened, exactly as
 * the vault kept it: a mapping file, an organization's JSON, a setting's value.
 */
final class SavedTextLines {
    /** The field names of one part, and the check the vault makes of what it keeps there. */
    record Fields(String name, String text, Consumer<SavedText> check) {
        Fields {
            requireNonNull(name, "name is null");
            requireNonNull(text, "text is null");
            requireNonNull(check, "check is null");
        }
    }

    private SavedTextLines() {}

    static void write(JsonGenerator json, Fields fields, SavedText saved) {
        json.writeStartObject();
        json.writeStringProperty(fields.name(), saved.name());
        json.writeStringProperty(fields.text(), saved.text());
        json.writeStringProperty("savedAt", saved.savedAt().toString());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Reads a line, refusing a text the vault would not keep, with a message that names the line. */
    static SavedText read(JsonLine line, Fields fields) {
        line.allowOnly(Set.of(fields.name(), fields.text(), "savedAt"));
        String name = line.text(fields.name());
        String text = line.text(fields.text());
        Instant savedAt = line.instant("savedAt");
        return line.built(() -> {
            SavedText saved = new SavedText(name, text, savedAt);
            fields.check().accept(saved);
            return saved;
        });
    }
}
