package org.selfdata.server;

import org.selfdata.intake.ImportMode;
import org.selfdata.model.PersonId;
import org.selfdata.texts.Language;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The imports the server is running or ran lately, in memory: a page that lost track of one can find it again, and
 * nothing of it outlives a restart (the batches it wrote are in the vault).
 *
 * <p>An ended job is kept for {@link #KEPT_FOR} and among the last {@link #KEPT_PER_PERSON} of its owner; a running
 * job is always kept.
 */
final class ImportJobs {
    static final int KEPT_PER_PERSON = 20;
    static final Duration KEPT_FOR = Duration.ofHours(1);

    private static final int ID_BYTES = 16;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    ImportJobs(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A new job, whose problems are said in the language of the request that started it. */
    synchronized ImportJob start(PersonId person, ImportMode mode, Language language) {
        prune();
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        ImportJob job = new ImportJob(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), person, mode, language,
                clock);
        jobs.put(job.id(), job);
        return job;
    }

    /** The job with this id, if the person started it; another's job is as absent as one that never was. */
    synchronized Optional<ImportJob> find(PersonId person, String id) {
        prune();
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.person().equals(person));
    }

    /** The person's jobs, the latest first. */
    synchronized List<ImportJob> of(PersonId person) {
        prune();
        List<ImportJob> found = new ArrayList<>(jobs.values().stream().filter(job -> job.person().equals(person)).toList());
        return found.reversed();
    }

    /** Forgets a job whose upload was refused: its request was answered with the reason, and nothing was imported. */
    synchronized void forget(ImportJob job) {
        jobs.remove(job.id(), job);
    }

    private void prune() {
        Instant oldest = clock.instant().minus(KEPT_FOR);
        Map<PersonId, Integer> newer = new LinkedHashMap<>();
        for (ImportJob job : new ArrayList<>(jobs.values()).reversed()) {
            int rank = newer.merge(job.person(), 1, Integer::sum);
            Optional<Instant> finished = job.finishedAt();
            if (finished.isPresent() && (rank > KEPT_PER_PERSON || finished.get().isBefore(oldest))) {
                jobs.remove(job.id());
            }
        }
    }
}
