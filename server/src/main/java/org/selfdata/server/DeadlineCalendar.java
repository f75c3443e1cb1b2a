package org.selfdata.server;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Words;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * The person's deadlines as an iCalendar feed, written with biweekly: one all-day event per request that has a deadline
 * today, on the day it falls. An event's UID is the request's and the deadline's kind, so that a calendar that reads
 * the feed again moves an event whose date changed rather than adding another; it does not show the request's id. Its
 * summary, in the request's language,
 * names the organization and the request's reference and nothing else of the person's.
 */
final class DeadlineCalendar {
    static final String MEDIA_TYPE = "text/calendar";
    private static final String PRODUCT = "-//selfdata//rights desk//EN";
    private static final int UID_BYTES = 16;

    private DeadlineCalendar() {}

    static String write(List<RightsDesk.RequestView> requests) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT);
        for (RightsDesk.RequestView view : requests) {
            view.deadline().ifPresent(deadline -> calendar.addEvent(event(view.timeline().request(), deadline)));
        }
        return Biweekly.write(calendar).go();
    }

    private static VEvent event(RightsRequest request, DeadlineStatus deadline) {
        VEvent event = new VEvent();
        event.setUid(uid(request, deadline));
        event.setSummary(Words.of(request.language()).say("rights.calendar.summary",
                Words.of(request.language()).say(deadline.kind().wording()), request.organization().name(),
                request.reference()));
        event.setDateStart(new DateStart(day(deadline.date()), false));
        event.setDateEnd(new DateEnd(day(deadline.date().plusDays(1)), false));
        return event;
    }

    /**
     * The same for a request and a deadline's kind at every reading, and nothing a reader of the feed could take for
     * the request's id in the vault: the start of a SHA-256 of both.
     */
    static String uid(RightsRequest request, DeadlineStatus deadline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((request.id() + "/" + deadline.kind().term())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, UID_BYTES) + "@selfdata";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A day as biweekly takes it: a date-only value is written in the default time zone, so the day starts there. */
    private static Date day(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
