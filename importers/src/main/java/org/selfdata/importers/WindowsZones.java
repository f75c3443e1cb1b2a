package org.selfdata.importers;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IANA zones of the Windows time-zone names Outlook and Exchange write as {@code TZID} ({@code Romance Standard
 * Time}), for the common ones: a small table from the Unicode CLDR's {@code windowsZones.xml} ("001" territory),
 * since the JDK knows none of these names. A name missing here is read as a floating time, in the person's zone.
 */
final class WindowsZones {
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("dateline standard time", "Etc/GMT+12"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("central standard time (mexico)", "America/Mexico_City"),
            Map.entry("canada central standard time", "America/Regina"),
            Map.entry("sa pacific standard time", "America/Bogota"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("newfoundland standard time", "America/St_Johns"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"),
            Map.entry("argentina standard time", "America/Argentina/Buenos_Aires"),
            Map.entry("utc", "Etc/UTC"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("morocco standard time", "Africa/Casablanca"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("w. central africa standard time", "Africa/Lagos"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("egypt standard time", "Africa/Cairo"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("israel standard time", "Asia/Jerusalem"),
            Map.entry("turkey standard time", "Europe/Istanbul"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("arab standard time", "Asia/Riyadh"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("mauritius standard time", "Indian/Mauritius"),
            Map.entry("india standard time", "Asia/Kolkata"),
            Map.entry("se asia standard time", "Asia/Bangkok"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("korea standard time", "Asia/Seoul"),
            Map.entry("w. australia standard time", "Australia/Perth"),
            Map.entry("cen. australia standard time", "Australia/Adelaide"),
            Map.entry("e. australia standard time", "Australia/Brisbane"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("new zealand standard time", "Pacific/Auckland"));

    private WindowsZones() {}

    static Optional<ZoneId> zone(String windowsName) {
        return Optional.ofNullable(ZONES.get(windowsName.strip().toLowerCase(Locale.ROOT))).map(ZoneId::of);
    }
}
