package org.selfdata.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.SplittableRandom;
import java.util.UUID;

import org.selfdata.model.PrivateFiles;
import static java.util.Objects.requireNonNull;

/**
 * Writes Camille's agenda as iCalendar with a Europe/Paris VTIMEZONE: weekly lectures each semester (one event with an
 * RRULE per course), exam sessions in January and May, bookshop shifts, appointments, and her time away from Lyon as
 * all-day events.
 */
final class AgendaWriter {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String STAMP = "20240825T090000Z";
    private static final String PARIS = """
            BEGIN:VTIMEZONE\r
            TZID:Europe/Paris\r
            BEGIN:DAYLIGHT\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0200\r
            TZNAME:CEST\r
            DTSTART:19700329T020000\r
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
            END:DAYLIGHT\r
            BEGIN:STANDARD\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0100\r
            TZNAME:CET\r
            DTSTART:19701025T030000\r
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
            END:STANDARD\r
            END:VTIMEZONE\r
            """;
    private static final Course[] COURSES = {
            new Course("Analyse", DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(10, 0), "Amphi Thémis"),
            new Course("Algèbre linéaire", DayOfWeek.MONDAY, LocalTime.of(13, 30), LocalTime.of(15, 30),
                    "Bâtiment Braconnier, salle 112"),
            new Course("Programmation", DayOfWeek.TUESDAY, LocalTime.of(9, 45), LocalTime.of(12, 45), "Bâtiment Nautibus, TP 4"),
            new Course("Physique", DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(11, 0), "Amphi Déambulatoire"),
            new Course("Anglais", DayOfWeek.THURSDAY, LocalTime.of(10, 15), LocalTime.of(12, 15), "Bâtiment Atrium, salle 7"),
            new Course("Probabilités", DayOfWeek.FRIDAY, LocalTime.of(14, 0), LocalTime.of(17, 0), "Amphi Thémis")};

    private final Schedule schedule;
    private final long seed;
    private long events;

    AgendaWriter(Schedule schedule, long seed) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.seed = seed;
    }

    /** Writes the agenda and answers the number of events, a weekly course counting once a week. */
    long write(Path file) {
        SplittableRandom random = new SplittableRandom(seed);
        events = 0;
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(PrivateFiles.newOutputStream(file), StandardCharsets.UTF_8))) {
            out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//selfdata//demo agenda//FR\r\nCALSCALE:GREGORIAN\r\n"
                    + "X-WR-CALNAME:Camille\r\nX-WR-TIMEZONE:Europe/Paris\r\n" + PARIS);
            for (int year = schedule.firstDay().getYear() - 1; year <= schedule.lastDay().getYear(); year++) {
                semester(out, LocalDate.of(year, 9, 9), LocalDate.of(year, 12, 20), random);
                semester(out, LocalDate.of(year + 1, 1, 13), LocalDate.of(year + 1, 5, 22), random);
                exams(out, LocalDate.of(year + 1, 1, 6), "Partiels du premier semestre", random);
                exams(out, LocalDate.of(year + 1, 5, 26), "Partiels du second semestre", random);
            }
            for (LocalDate day = schedule.firstDay(); !day.isAfter(schedule.lastDay()); day = day.plusDays(1)) {
                daily(out, day, random);
            }
            out.write("END:VCALENDAR\r\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private void semester(Writer out, LocalDate start, LocalDate end, SplittableRandom random) throws IOException {
        LocalDate last = end.isAfter(schedule.lastDay()) ? schedule.lastDay() : end;
        for (Course course : COURSES) {
            LocalDate first = start.isBefore(schedule.firstDay()) ? schedule.firstDay() : start;
            first = first.with(TemporalAdjusters.nextOrSame(course.day()));
            if (first.isAfter(last)) {
                continue;
            }
            String rule = "RRULE:FREQ=WEEKLY;UNTIL=" + DATE.format(end) + "T225959Z\r\n";
            event(out, uid(random), course.name(), course.room(),
                    first.atTime(course.start()), first.atTime(course.end()), rule);
            // An importer reads each week's lecture as a record of its own: every week up to the UNTIL day counts.
            events += ChronoUnit.DAYS.between(first, end) / 7;
        }
    }

    private void exams(Writer out, LocalDate monday, String session, SplittableRandom random) throws IOException {
        for (int index = 0; index < 5; index++) {
            LocalDate day = monday.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).plusDays(index);
            if (!day.isBefore(schedule.firstDay()) && !day.isAfter(schedule.lastDay())) {
                event(out, uid(random), session + " : " + COURSES[index].name(), "Amphi Thémis",
                        day.atTime(9, 0), day.atTime(12, 0), "");
            }
        }
    }

    private void daily(Writer out, LocalDate day, SplittableRandom random) throws IOException {
        if (schedule.isShift(day)) {
            boolean saturday = day.getDayOfWeek() == DayOfWeek.SATURDAY;
            event(out, uid(random), "Librairie des Canuts", "14 rue Mercière, Lyon",
                    day.atTime(saturday ? LocalTime.of(10, 0) : LocalTime.of(17, 30)),
                    day.atTime(saturday ? LocalTime.of(18, 0) : LocalTime.of(20, 30)), "");
        }
        if (schedule.whereabouts(day) == Whereabouts.LYON && random.nextInt(60) == 0) {
            String[] appointments = {"Dentiste", "Coiffeur", "Médecin : Dr Lefebvre", "Rendez-vous CAF", "Ophtalmologue"};
            LocalDateTime start = day.atTime(17 + random.nextInt(2), random.nextBoolean() ? 0 : 30);
            event(out, uid(random), appointments[random.nextInt(appointments.length)], "Lyon", start,
                    start.plusMinutes(30), "");
        }
        Whereabouts where = schedule.whereabouts(day);
        boolean arriving = where != Whereabouts.LYON && (day.equals(schedule.firstDay())
                || schedule.whereabouts(day.minusDays(1)) != where);
        if (arriving) {
            LocalDate last = day;
            while (last.plusDays(1).isBefore(schedule.lastDay().plusDays(1)) && schedule.whereabouts(last.plusDays(1)) == where) {
                last = last.plusDays(1);
            }
            allDay(out, uid(random), away(where), day, last.plusDays(1));
        }
    }

    /** A random UID, as calendar applications make them: the seed decides it, so it is the same on every write. */
    private static String uid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()) + "@demo.selfdata.org";
    }

    private static String away(Whereabouts where) {
        return switch (where) {
            case BRITTANY -> "Noël en famille à Vannes";
            case MARSEILLE -> "Vacances à Marseille";
            case ANNECY -> "Week-end à Annecy";
            case GRENOBLE -> "Week-end à Grenoble";
            case LYON -> "Lyon";
        };
    }

    private void event(Writer out, String uid, String summary, String location, LocalDateTime start, LocalDateTime end,
            String rule)
            throws IOException {
        out.write("BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:" + STAMP + "\r\n");
        out.write("DTSTART;TZID=Europe/Paris:" + LOCAL.format(start) + "\r\nDTEND;TZID=Europe/Paris:" + LOCAL.format(end)
                + "\r\n");
        out.write(rule);
        out.write(ContentLines.fold("SUMMARY:" + ContentLines.escape(summary)));
        out.write(ContentLines.fold("LOCATION:" + ContentLines.escape(location)));
        out.write("END:VEVENT\r\n");
        events++;
    }

    private void allDay(Writer out, String uid, String summary, LocalDate first, LocalDate endExclusive) throws IOException {
        out.write("BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:" + STAMP + "\r\n");
        out.write("DTSTART;VALUE=DATE:" + DATE.format(first) + "\r\nDTEND;VALUE=DATE:" + DATE.format(endExclusive) + "\r\n");
        out.write(ContentLines.fold("SUMMARY:" + ContentLines.escape(summary)));
        out.write("TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n");
        events++;
    }

    private record Course(String name, DayOfWeek day, LocalTime start, LocalTime end, String room) {}
}
