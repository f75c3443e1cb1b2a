package org.selfdata.demo;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PrivateFiles;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Camille Martin, a student in Lyon over two academic years, written out as the files the organizations in her life
 * would hand her: her bank's OFX statement, Google's location history, Enedis's load curve, her phone's address book
 * and her agenda. The product imports them through its real import path, which is the point: the demo exercises what
 * a person would. Her requests to organizations ({@link #requests()}) go through the rights desk the same way, and
 * her sharing with recipients ({@link #sharing()}) through the consent check and the gate.
 *
 * <p>Everything is drawn from random generators seeded from one number, each file from its own stream, so that the
 * same seed writes byte-identical files whatever the order or the number of times they are written.
 */
public final class DemoPerson {
    public static final String HANDLE = "camille";
    public static final String DISPLAY_NAME = "Camille Martin";
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 9, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 8, 31);

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final Schedule schedule;

    private DemoPerson(long seed, LocalDate firstDay, LocalDate lastDay) {
        this.seed = seed;
        this.schedule = new Schedule(firstDay, lastDay, stream(0));
    }

    /** The demo person over the two academic years, 2024-09-01 to 2026-08-31. */
    public static DemoPerson generate(long seed) {
        return generate(seed, FIRST_DAY, LAST_DAY);
    }

    /** The demo person over a shorter (or longer) period, both days included: for quick tests. */
    public static DemoPerson generate(long seed, LocalDate firstDay, LocalDate lastDay) {
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(lastDay, "lastDay is null");
        if (lastDay.isBefore(firstDay)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the demo period must end on or after its first day");
        }
        return new DemoPerson(seed, firstDay, lastDay);
    }

    /**
     * Writes the five files into {@code folder}, creating it if needed (0700), replacing files of the same names; each
     * file is 0600, like every file selfdata writes.
     */
    public DemoFiles write(Path folder) {
        requireNonNull(folder, "folder is null");
        try {
            PrivateFiles.createFolder(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path statement = folder.resolve("releve-banque.ofx");
        Path locations = folder.resolve("Records.json");
        Path curve = folder.resolve("linky-courbe-de-charge.csv");
        Path contacts = folder.resolve("contacts.vcf");
        Path agenda = folder.resolve("agenda.ics");
        return new DemoFiles(List.of(
                // The statement also holds one bank.account record besides its transactions.
                new DemoFile(statement, "ofx", statement(statement) + 1),
                new DemoFile(locations, "google-records", new LocationHistoryWriter(schedule, ZONE, stream(2)).write(locations)),
                new DemoFile(curve, "linky-load-curve", loadCurve(curve)),
                new DemoFile(contacts, "vcard", new AddressBookWriter(stream(4)).write(contacts)),
                new DemoFile(agenda, "icalendar", new AgendaWriter(schedule, stream(5)).write(agenda))));
    }

    /** Where she is day by day, which tests check what is found against. */
    Schedule schedule() {
        return schedule;
    }

    /** Writes her bank statement alone, as {@link #write} does, and answers its number of transactions. */
    long statement(Path file) {
        return new BankStatementWriter(schedule, stream(1)).write(file);
    }

    /** Writes her meter's load curve alone, as {@link #write} does, and answers its number of half hours with a value. */
    long loadCurve(Path file) {
        return new LoadCurveWriter(schedule, ZONE, stream(3)).write(file);
    }

    /** Writes her location history alone, as {@link #write} does, and answers its number of points. */
    long locations(Path file) {
        return new LocationHistoryWriter(schedule, ZONE, stream(2)).write(file);
    }

    /** The stops her location history is drawn from, in order: where she was, and how she came there. */
    List<Stop> stops() {
        return new LocationHistoryWriter(schedule, ZONE, stream(2)).stops();
    }

    /**
     * Her requests to organizations under the GDPR, one at each stage of the rights desk, drawn from a stream of
     * their own; {@link DemoRequests#file} files them once her files are imported.
     */
    public DemoRequests requests() {
        return new DemoRequests(stream(6));
    }

    /**
     * Her sharing with recipients, over her last days of data; {@link DemoSharing#tell} tells it once her files are
     * imported and her requests filed.
     */
    public DemoSharing sharing() {
        return new DemoSharing(schedule.lastDay());
    }

    // Each file draws from its own stream, so that changing one writer leaves the other files as they were.
    private long stream(int index) {
        return seed + GOLDEN_GAMMA * (index + 1);
    }
}
