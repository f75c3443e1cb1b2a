package org.selfdata.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.selfdata.model.PrivateFiles;
import static java.util.Objects.requireNonNull;

/**
 * Writes the flat's Linky load curve as Enedis's classic CSV: half-hourly average power in watts, stamped at the end
 * of each half hour. The fridge draws 60–90 W day and night; mornings and evenings add cooking, lights and a laptop
 * when Camille is home; electric convectors run from November to March when she is, more on colder months and at
 * night; the water heater runs in off-peak hours. A few half hours are missing, written as empty values as Enedis does.
 */
final class LoadCurveWriter {
    static final String METER = "21437598064172";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Schedule schedule;
    private final ZoneId zone;
    private final long seed;

    LoadCurveWriter(Schedule schedule, ZoneId zone, long seed) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.seed = seed;
    }

    /** Writes the curve and answers the number of half hours with a value (gaps left out). */
    long write(Path file) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = schedule.firstDay().atStartOfDay(zone).toInstant();
        Instant end = schedule.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
        long readings = 0;
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(PrivateFiles.newOutputStream(file), StandardCharsets.UTF_8))) {
            out.write("Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;"
                    + "Unite;Pas en minutes\n");
            out.write(METER + ";Courbe de charge;" + DAY.format(schedule.firstDay()) + ";"
                    + DAY.format(schedule.lastDay().plusDays(1))
                    + ";Energie active;Consommation;Comptage Brut;W;30\nHorodate;Valeur\n");
            int gapLeft = 0;
            Duration halfHour = Duration.ofMinutes(30);
            for (Instant stamp = start.plus(halfHour); !stamp.isAfter(end); stamp = stamp.plus(halfHour)) {
                ZonedDateTime local = stamp.atZone(zone);
                if (gapLeft == 0 && random.nextInt(4_000) == 0) {
                    gapLeft = 1 + random.nextInt(6);
                }
                if (gapLeft > 0) {
                    gapLeft--;
                    out.write(STAMP.format(local) + ";\n");
                    continue;
                }
                out.write(STAMP.format(local) + ";" + watts(stamp.minus(Duration.ofMinutes(30)).atZone(zone), random) + "\n");
                readings++;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return readings;
    }

    private long watts(ZonedDateTime intervalStart, SplittableRandom random) {
        LocalDate day = intervalStart.toLocalDate();
        double hour = intervalStart.getHour() + intervalStart.getMinute() / 60.0;
        boolean home = schedule.whereabouts(day) == Whereabouts.LYON
                && schedule.whereabouts(day.minusDays(1)) == Whereabouts.LYON;
        double watts = 60 + random.nextInt(31);
        if (hour >= 1 && hour < 5) {
            watts += home ? 400 + random.nextInt(200) : 0;
        }
        if (home) {
            watts += presence(hour, schedule.isLectureDay(day), random);
            if (Schedule.isHeatingSeason(day)) {
                watts += heating(day, hour, random);
            }
        }
        return Math.round(watts);
    }

    private static double presence(double hour, boolean lectures, SplittableRandom random) {
        if (hour >= 7 && hour < 8.5) {
            return 150 + random.nextInt(900);
        }
        if (hour >= 18.5 && hour < 21) {
            return 250 + random.nextInt(1_200);
        }
        if (hour >= 21 && hour < 23.5) {
            return 80 + random.nextInt(150);
        }
        boolean daytime = hour >= 8.5 && hour < 18.5;
        return daytime && !lectures ? 40 + random.nextInt(120) : 0;
    }

    private static double heating(LocalDate day, double hour, SplittableRandom random) {
        int coldness = switch (day.getMonth()) {
            case DECEMBER, JANUARY -> 3;
            case FEBRUARY -> 2;
            default -> 1;
        };
        boolean night = hour < 7 || hour >= 22;
        return (night ? 250 : 150) * coldness + random.nextInt(200);
    }
}
