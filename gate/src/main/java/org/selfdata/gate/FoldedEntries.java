package org.selfdata.gate;

import org.selfdata.model.GrantId;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.vault.TransparencyLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * A recipient's refusals and empty reads on the person's log, repeats folded: the first of a run of identical entries
 * under one grant is written at once, the repeats are counted, and one entry standing for all of them is written when
 * the run ends (another entry under the grant, a read that carried records, {@link #WINDOW} after the run began, or
 * the gate flushing at shutdown). A recipient asking the same refused or empty question three thousand times a minute
 * adds two entries to the log, not three thousand, and the person still sees how many times it asked.
 *
 * <p>Only entries that carried nothing are folded: a read that carried records is always written on its own.
 */
final class FoldedEntries {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final TransparencyLog log;
    private final Clock clock;
    private final ConcurrentHashMap<GrantId, Run> runs = new ConcurrentHashMap<>();

    /** A run of identical entries under one grant: the entry, when the run began, and the repeats not yet written. */
    private record Run(PersonId person, LogEntryDraft entry, Instant began, long repeats) {}

    FoldedEntries(TransparencyLog log, Clock clock) {
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Writes an entry that carried nothing, or counts it as a repeat of the run under way. */
    void append(PersonId person, GrantId grant, LogEntryDraft entry) {
        Instant now = clock.instant();
        runs.compute(grant, (id, run) -> {
            if (run != null && run.entry().equals(entry) && now.isBefore(run.began().plus(WINDOW))) {
                return new Run(person, entry, run.began(), run.repeats() + 1);
            }
            if (run != null) {
                end(run);
            }
            log.append(person, entry);
            return new Run(person, entry, now, 0);
        });
    }

    /** Ends the grant's run before an entry that is not folded, so that the log keeps the order things happened in. */
    void end(GrantId grant) {
        runs.computeIfPresent(grant, (id, run) -> {
            end(run);
            return null;
        });
    }

    /** Ends every run that began more than {@link #WINDOW} ago, or every run at all when the gate stops. */
    void endRuns(boolean all) {
        Instant now = clock.instant();
        for (GrantId grant : List.copyOf(runs.keySet())) {
            runs.computeIfPresent(grant, (id, run) -> {
                if (!all && now.isBefore(run.began().plus(WINDOW))) {
                    return run;
                }
                end(run);
                return null;
            });
        }
    }

    private void end(Run run) {
        if (run.repeats() > 0) {
            log.append(run.person(), run.entry().withRequests(run.repeats()));
        }
    }
}
