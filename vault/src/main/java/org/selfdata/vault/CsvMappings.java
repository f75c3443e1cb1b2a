package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.CSV_MAPPINGS;
import static org.selfdata.vault.VaultTables.MAPPING;
import static org.selfdata.vault.VaultTables.SHAPE_FINGERPRINT;

/**
 * The column mappings a person made for CSV files no importer knows, each kept for the layout it reads (a
 * fingerprint of the file's delimiter, column count and header), so that the next export of the same bank is read
 * without asking again.
 *
 * <p>A mapping is kept as the text of its mapping file, which the importers read; here it is only text, sealed under
 * the vault's key and bound to its person and layout, since it may name an account. The vault neither reads nor
 * checks it: whoever saves one has read it as a mapping first.
 */
public final class CsvMappings {
    /** Far more than any mapping: a dozen keys and their column names. */
    public static final int MAXIMUM_LENGTH = 16 * 1024;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");

    private final SealedTexts mappings;

    CsvMappings(Database database, KeyEncryptionKey keyEncryptionKey, Clock clock) {
        this.mappings = new SealedTexts(database, keyEncryptionKey, clock, CSV_MAPPINGS, SHAPE_FINGERPRINT, MAPPING,
                AssociatedData::csvMapping);
    }

    /** Keeps the mapping for files of this layout, in place of the one kept before, if any. */
    public void save(PersonId person, String fingerprint, String mapping) {
        requireNonNull(person, "person is null");
        requireFingerprint(fingerprint);
        requireLength(mapping);
        mappings.save(person, fingerprint, mapping);
    }

    /** Every mapping the person kept, by layout, with the time it was saved: what an export carries. */
    public List<SavedText> saved(PersonId person) {
        requireNonNull(person, "person is null");
        return mappings.saved(person);
    }

    /** Refuses a mapping from an archive that {@link #save} would refuse, before a restore writes anything. */
    public static void check(SavedText mapping) {
        requireFingerprint(mapping.name());
        requireLength(mapping.text());
    }

    /** Writes a mapping from an archive inside a restore's transaction. */
    void restore(DSLContext dsl, PersonId person, SavedText mapping) {
        check(mapping);
        mappings.restore(dsl, person, mapping);
    }

    /** The mapping kept for files of this layout, if the person made one. */
    public Optional<String> find(PersonId person, String fingerprint) {
        requireNonNull(person, "person is null");
        requireFingerprint(fingerprint);
        return mappings.find(person, fingerprint);
    }

    /** Every mapping the person kept, by layout: read once before an import, which then needs no other transaction. */
    public Map<String, String> all(PersonId person) {
        requireNonNull(person, "person is null");
        return mappings.all(person);
    }

    private static void requireLength(String mapping) {
        requireNonNull(mapping, "mapping is null");
        if (mapping.length() > MAXIMUM_LENGTH) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.csvMapping.tooLong",
                    Integer.toString(MAXIMUM_LENGTH)));
        }
    }

    private static void requireFingerprint(String fingerprint) {
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.csvMapping.fingerprint"));
        }
    }
}
