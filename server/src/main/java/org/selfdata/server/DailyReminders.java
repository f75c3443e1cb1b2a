package org.selfdata.server;

import org.selfdata.rights.DeadlineReminders;
import org.selfdata.rights.ReminderOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The server's daily run of the reminders of deadlines by e-mail, for every person who turned them on, and its first
 * run shortly after start, so that a server restarted every night still sends them. The days are the reminders' clock:
 * a run sends a person at most one message a day, whenever it comes.
 *
 * <p>What the log says names no one: how many reminders went, and for each that failed the failure's own words, which
 * quote neither the mail server nor any address. A failed reminder is sent at the next run.
 */
final class DailyReminders implements Runnable {
    /** Long enough for the server to have started, short enough that a person who restarts it sees the reminder. */
    static final Duration FIRST_RUN = Duration.ofMinutes(1);
    static final Duration PERIOD = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(DailyReminders.class);

    private final DeadlineReminders reminders;

    DailyReminders(DeadlineReminders reminders) {
        this.reminders = requireNonNull(reminders, "reminders is null");
    }

    /** Never throws: a scheduled task that threw would not run again. */
    @Override
    public void run() {
        try {
            log(reminders.remindEveryone());
        }
        catch (RuntimeException e) {
            LOG.warn("the reminders of deadlines could not be sent this time; the next run tries again: {}",
                    e.getClass().getName());
        }
    }

    private static void log(List<ReminderOutcome> outcomes) {
        long sent = outcomes.stream().filter(ReminderOutcome.Sent.class::isInstance).count();
        if (sent > 0) {
            LOG.info("{} reminder(s) of deadlines sent", sent);
        }
        for (ReminderOutcome outcome : outcomes) {
            if (outcome instanceof ReminderOutcome.Failed failed) {
                LOG.warn("a reminder of deadlines could not be sent; the next run tries again: {} {}",
                        failed.failure().code(), failed.failure().getMessage());
            }
        }
    }
}
