package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.CorrectedPlace;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.max;
import static org.selfdata.vault.VaultTables.CORRECTION_NUMBER;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.PLACE_CORRECTIONS;
import static org.selfdata.vault.VaultTables.RECORDED_AT;
import static org.selfdata.vault.VaultTables.SEALED_CORRECTION;

/**
 * The person's corrections of the places selfdata found in their locations: each is kept as a new row, after the
 * person's last, so that a correction supersedes the one before it for the same place without erasing it, and taking a
 * correction back is one more correction. A correction and its entry on the person's transparency log land in one
 * transaction; the entry says only that a place was corrected, never which or how.
 *
 * <p>The key, position, verdict and name are sealed together under the vault's key and bound to the person and the
 * correction's number: they say where the person lives and what they call it. A person corrects a few dozen places at
 * most, so a place's history is found by opening them all.
 */
public final class PlaceCorrections {
    private final Database database;
    private final KeyEncryptionKey keyEncryptionKey;
    private final TransparencyLog log;
    private final Clock clock;

    PlaceCorrections(Database database, KeyEncryptionKey keyEncryptionKey, TransparencyLog log, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.keyEncryptionKey = requireNonNull(keyEncryptionKey, "keyEncryptionKey is null");
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Keeps what the person says of a place now, after everything they said before, and logs it: answers the place
     * with its whole history.
     */
    public CorrectedPlace correct(PersonId person, String key, double latitude, double longitude, PlaceVerdict verdict,
            Optional<String> name) {
        requireNonNull(person, "person is null");
        if (verdict == PlaceVerdict.WITHDRAWN) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.verdict"));
        }
        PlaceCorrection correction = new PlaceCorrection(key, latitude, longitude, verdict, name,
                Instant.ofEpochMilli(clock.millis()));
        return database.transaction(person, connection -> append(connection, person, correction));
    }

    /**
     * Takes back the correction that holds for a place, keeping it in the place's history, and logs it; refused when
     * none holds.
     */
    public CorrectedPlace withdraw(PersonId person, String key) {
        requireNonNull(person, "person is null");
        PlaceCorrection.requireKey(key);
        return database.transaction(person, connection -> {
            PlaceCorrection current = places(database.dsl(connection), person).stream()
                    .filter(place -> place.key().equals(key))
                    .flatMap(place -> place.current().stream())
                    .findFirst()
                    .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("reveal.place.notCorrected")));
            return append(connection, person, new PlaceCorrection(key, current.latitude(), current.longitude(),
                    PlaceVerdict.WITHDRAWN, Optional.empty(), Instant.ofEpochMilli(clock.millis())));
        });
    }

    /** Every place the person ever corrected, each with its whole history, in the order of their first correction. */
    public List<CorrectedPlace> all(PersonId person) {
        requireNonNull(person, "person is null");
        return database.transaction(person, connection -> places(database.dsl(connection), person));
    }

    /** The corrections that hold now: one per place, those taken back left out. */
    public List<PlaceCorrection> current(PersonId person) {
        return all(person).stream().flatMap(place -> place.current().stream()).toList();
    }

    /** A place the person corrected, with its history, if they did. */
    public Optional<CorrectedPlace> find(PersonId person, String key) {
        PlaceCorrection.requireKey(key);
        return all(person).stream().filter(place -> place.key().equals(key)).findFirst();
    }

    /**
     * Refuses corrections from an archive that this class would not have kept: a history must be in the order the
     * corrections were made, and a correction can be taken back only when one holds.
     */
    public static void check(List<PlaceCorrection> corrections) {
        Map<String, PlaceCorrection> latest = new LinkedHashMap<>();
        Instant previous = Instant.MIN;
        for (PlaceCorrection correction : corrections) {
            if (correction.at().isBefore(previous)) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("reveal.place.order"));
            }
            previous = correction.at();
            PlaceCorrection before = latest.put(correction.key(), correction);
            if (correction.verdict() == PlaceVerdict.WITHDRAWN
                    && (before == null || before.verdict() == PlaceVerdict.WITHDRAWN)) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("reveal.place.nothingToWithdraw"));
            }
        }
    }

    /** Every correction the person made, in the order they made them: what an export carries. */
    public List<PlaceCorrection> kept(PersonId person) {
        requireNonNull(person, "person is null");
        return database.transaction(person, connection -> corrections(database.dsl(connection), person));
    }

    /** Writes the corrections from an archive, in order, numbered from 1, inside a restore's transaction. */
    void restore(DSLContext dsl, PersonId person, List<PlaceCorrection> corrections) {
        check(corrections);
        long number = 1;
        for (PlaceCorrection correction : corrections) {
            insert(dsl, person, number++, correction);
        }
    }

    private CorrectedPlace append(Connection connection, PersonId person, PlaceCorrection correction)
            throws SQLException {
        DSLContext dsl = database.dsl(connection);
        Long last = dsl.select(max(CORRECTION_NUMBER)).from(PLACE_CORRECTIONS)
                .where(PERSON_ID.eq(person.value())).fetchOne(0, Long.class);
        insert(dsl, person, last == null ? 1 : last + 1, correction);
        log.append(connection, person, List.of(LogEntryDraft.of(new LogActor.Owner(), LogAction.CORRECTION, Set.of(), 0)));
        return places(dsl, person).stream().filter(place -> place.key().equals(correction.key())).findFirst()
                .orElseThrow();
    }

    private void insert(DSLContext dsl, PersonId person, long number, PlaceCorrection correction) {
        dsl.insertInto(PLACE_CORRECTIONS)
                .set(PERSON_ID, person.value())
                .set(CORRECTION_NUMBER, number)
                .set(RECORDED_AT, correction.at().toEpochMilli())
                .set(SEALED_CORRECTION, keyEncryptionKey.seal(sealed(correction),
                        AssociatedData.placeCorrection(person, number)))
                .execute();
    }

    private List<CorrectedPlace> places(DSLContext dsl, PersonId person) {
        Map<String, List<PlaceCorrection>> byKey = new LinkedHashMap<>();
        for (PlaceCorrection correction : corrections(dsl, person)) {
            byKey.computeIfAbsent(correction.key(), key -> new ArrayList<>()).add(correction);
        }
        return byKey.entrySet().stream().map(entry -> new CorrectedPlace(entry.getKey(), entry.getValue())).toList();
    }

    private List<PlaceCorrection> corrections(DSLContext dsl, PersonId person) {
        return dsl.select(CORRECTION_NUMBER, RECORDED_AT, SEALED_CORRECTION).from(PLACE_CORRECTIONS)
                .where(PERSON_ID.eq(person.value())).orderBy(CORRECTION_NUMBER)
                .fetch(row -> opened(keyEncryptionKey.open(row.value3(),
                        AssociatedData.placeCorrection(person, row.value1())), Instant.ofEpochMilli(row.value2())));
    }

    /** The sealed part of a correction: everything but its time, as a small JSON object. */
    private static byte[] sealed(PlaceCorrection correction) {
        ObjectNode json = PayloadCodec.mapper().createObjectNode();
        json.put("key", correction.key());
        json.put("latitude", correction.latitude());
        json.put("longitude", correction.longitude());
        json.put("verdict", correction.verdict().term());
        correction.name().ifPresent(name -> json.put("name", name));
        return PayloadCodec.mapper().writeValueAsBytes(json);
    }

    private static PlaceCorrection opened(byte[] sealed, Instant at) {
        try {
            JsonNode json = PayloadCodec.mapper().readTree(sealed);
            return new PlaceCorrection(json.get("key").asString(), json.get("latitude").asDouble(),
                    json.get("longitude").asDouble(), PlaceVerdict.ofTerm(json.get("verdict").asString()).orElseThrow(),
                    Optional.ofNullable(json.get("name")).map(JsonNode::asString), at);
        }
        catch (RuntimeException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, "a place correction opened but is not one selfdata wrote",
                    e);
        }
    }
}
