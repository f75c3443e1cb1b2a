package org.selfdata.portability;

import org.selfdata.gate.Gate;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long import, export or restore for {@link KilledProcessTest} to kill: run in a JVM of its own, it prints
 * {@link #UNDER_WAY} once the operation is well into its work, then carries on until it is killed.
 *
 * <p>Arguments: the operation, the vault's folder, the PostgreSQL URL or an empty string for SQLite, then the
 * operation's own: how many points to import, or the archive to write or read.
 */
final class KilledOperation {
    static final String UNDER_WAY = "under way";
    static final String FINISHED = "finished";
    static final SourceDescriptor GPS_LOGGER = SourceDescriptor.file("Garmin", "Forerunner 265");
    /** Far enough into each operation that its writes (or, for an export, its archive) have begun. */
    static final long WELL_UNDER_WAY = 20_000;
    /** How many entries each append of the log writes in one transaction. */
    static final int APPEND_BATCH = 100;

    enum Operation { IMPORT, EXPORT, RESTORE, APPEND }

    private KilledOperation() {}

    public static void main(String[] arguments) {
        Operation operation = Operation.valueOf(arguments[0]);
        Path folder = Path.of(arguments[1]);
        VaultLocation location = arguments[2].isEmpty() ? VaultLocation.sqlite(folder)
                : VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(arguments[2]));
        try (Vault vault = Vault.open(location, KeySource.keyFile(folder.resolve(VaultLocation.KEY_FILE)))) {
            PersonId person = vault.person(Optional.of("camille")).id();
            switch (operation) {
                case IMPORT -> importPoints(vault, person, Long.parseLong(arguments[3]));
                case EXPORT -> new Export(vault, Gate.over(vault), Clock.systemUTC())
                        .write(person, Path.of(arguments[3]), ExistingFile.REFUSE, sayWhenUnderWay(Progress.Step.EXPORTING));
                case RESTORE -> new Restore(vault)
                        .restore(person, Path.of(arguments[3]), sayWhenUnderWay(Progress.Step.RESTORING));
                case APPEND -> appendForever(vault, person);
            }
        }
        say(FINISHED);
    }

    /** The vault reads an import's drafts at most a few thousand ahead of what it writes: this is said after writing began. */
    private static void importPoints(Vault vault, PersonId person, long count) {
        AtomicLong read = new AtomicLong();
        vault.imports().write(person, new ImportRequest(GPS_LOGGER, "gpx", "activities.gpx"), SyntheticRecords.points(count)
                .peek(draft -> {
                    if (read.incrementAndGet() == WELL_UNDER_WAY) {
                        say(UNDER_WAY);
                    }
                }));
    }

    /** Appends to the transparency log, a hundred entries a transaction, until killed. */
    private static void appendForever(Vault vault, PersonId person) {
        List<LogEntryDraft> drafts = Collections.nCopies(APPEND_BATCH, LogEntryDraft.of(
                new LogActor.Recipient(RecipientId.of("recipient-insurer")), LogAction.READ, Set.of(RecordType.GEO_POINT), 1));
        for (long batches = 1; ; batches++) {
            vault.log().appendAll(person, drafts);
            if (batches == 20) {
                say(UNDER_WAY);
            }
        }
    }

    private static Progress sayWhenUnderWay(Progress.Step step) {
        return (reached, records) -> {
            if (reached == step && records == WELL_UNDER_WAY) {
                say(UNDER_WAY);
            }
        };
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
