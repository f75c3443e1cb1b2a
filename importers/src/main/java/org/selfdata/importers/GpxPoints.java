package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Walks a GPX document with StAX, handing out one {@code geo.point} per waypoint ({@code wpt}), route point
 * ({@code rte/rtept}) and track point ({@code trk/trkseg/trkpt}), in file order.
 *
 * <ul>
 * <li>{@code lat} and {@code lon} give the position, {@code ele} the altitude in meters (an empty {@code <ele/>}
 * is no altitude), {@code time} the record's instant. GPX times are UTC by the standard, so a time written without
 * an offset is read as UTC, not in the person's zone.</li>
 * <li>A track's {@code type} (GPX 1.1: {@code running}, {@code cycling}) is the activity of its points, when it fits
 * the 64 characters of that field.</li>
 * <li>{@code hdop}, {@code vdop} and {@code pdop} are dilutions of precision: unitless factors, not a radius in
 * meters, so they do not become the accuracy and are ignored, as are names, descriptions, links, fix types,
 * satellite counts and every extension (Garmin's heart rate and cadence among them).</li>
 * <li>A point without a time is rejected, as a record, with a reason: a position is kept only with the time it was
 * recorded. The file's metadata time says when the file was made, not when the place was visited, so it is not
 * lent to points; planned routes and marked places without times are therefore not imported. A point whose
 * coordinates are missing, unreadable or out of range is rejected the same way, and reading goes on.</li>
 * <li>Empty track segments yield nothing.</li>
 * </ul>
 *
 * <p>Positions are element paths counted per name, such as {@code gpx/trk[1]/trkseg[2]/trkpt[5]}. Elements of the
 * GPX namespace are read wherever they may hold points; anything else, in any namespace, is read past whole.
 */
final class GpxPoints implements RecordReader {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final int MAXIMUM_ACTIVITY_LENGTH = 64;
    private static final int MAXIMUM_CREATOR_LENGTH = 200;

    private final XMLStreamReader reader;
    private final Deque<Frame> open = new ArrayDeque<>();
    private String namespace = "";
    private Optional<String> trackType = Optional.empty();
    private boolean ended;

    GpxPoints(XMLStreamReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** Reads up to the {@code gpx} root element; returns its {@code creator} (the device or program), or nothing. */
    String enterRoot() {
        return guarded("line 1", () -> {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw InvalidInput.at(line(), Wording.of("error.gpx.noDeclarationInGpx"));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!reader.getLocalName().equals("gpx")) {
                        throw InvalidInput.at(line(), Wording.of("error.gpx.noRoot"));
                    }
                    namespace = Objects.requireNonNullElse(reader.getNamespaceURI(), "");
                    open.push(new Frame("gpx", "gpx"));
                    String creator = Objects.requireNonNullElse(reader.getAttributeValue(null, "creator"), "");
                    String printable = creator.replaceAll("\\p{Cntrl}", " ").strip();
                    return printable.substring(0, Math.min(printable.length(), MAXIMUM_CREATOR_LENGTH));
                }
            }
            throw InvalidInput.at(line(), Wording.of("error.gpx.noRoot"));
        });
    }

    @Override
    public Optional<RecordDraft> read() {
        while (!ended) {
            Optional<Point> point = guarded(line(), this::nextPoint);
            if (point.isPresent()) {
                return Optional.of(point.get().draft(trackType));
            }
        }
        return Optional.empty();
    }

    /** Moves to the next point and reads it whole; nothing at the end of the document. */
    private Optional<Point> nextPoint() throws XMLStreamException {
        while (!ended) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Optional<Point> point = element();
                    if (point.isPresent()) {
                        return point;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    open.pop();
                    ended = open.isEmpty();
                }
                case XMLStreamConstants.END_DOCUMENT -> throw InvalidInput.at(line(), Wording.of("error.gpx.truncated"));
                case XMLStreamConstants.DTD -> throw InvalidInput.at(line(), Wording.of("error.gpx.noDeclaration"));
                default -> {
                    // text, comments and processing instructions between elements
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Point> element() throws XMLStreamException {
        String name = reader.getLocalName();
        if (!namespace.equals(Objects.requireNonNullElse(reader.getNamespaceURI(), ""))) {
            skipElement();
            return Optional.empty();
        }
        Frame parent = open.getFirst();
        String path = parent.path + "/" + name + "[" + parent.count(name) + "]";
        switch (parent.name + ">" + name) {
            case "gpx>wpt", "rte>rtept", "trkseg>trkpt" -> {
                return Optional.of(point(path));
            }
            case "gpx>rte", "trk>trkseg" -> open.push(new Frame(name, path));
            case "gpx>trk" -> {
                open.push(new Frame(name, path));
                trackType = Optional.empty();
            }
            case "trk>type" -> {
                String type = reader.getElementText().strip();
                trackType = type.isEmpty() || type.length() > MAXIMUM_ACTIVITY_LENGTH ? Optional.empty() : Optional.of(type);
            }
            default -> skipElement();
        }
        return Optional.empty();
    }

    private Point point(String path) throws XMLStreamException {
        Point point = new Point(Position.elementPath(path), Optional.ofNullable(reader.getAttributeValue(null, "lat")),
                Optional.ofNullable(reader.getAttributeValue(null, "lon")));
        for (int event = reader.next(); event != XMLStreamConstants.END_ELEMENT; event = reader.next()) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                boolean own = namespace.equals(Objects.requireNonNullElse(reader.getNamespaceURI(), ""));
                switch (own ? reader.getLocalName() : "") {
                    case "ele" -> point.elevationText = Optional.of(reader.getElementText());
                    case "time" -> point.timeText = Optional.of(reader.getElementText());
                    default -> skipElement();
                }
            }
            else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw InvalidInput.at(line(), Wording.of("error.gpx.pointTruncated"));
            }
        }
        return point;
    }

    /** Reads past the current element and everything in it. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw InvalidInput.at(line(), Wording.of("error.gpx.elementTruncated"));
            }
        }
    }

    private String line() {
        return "line " + Math.max(1, reader.getLocation().getLineNumber());
    }

    static <T> T guarded(String position, XmlStep<T> step) {
        try {
            return step.run();
        }
        catch (XMLStreamException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNumber() < 1 ? position
                    : "line " + e.getLocation().getLineNumber();
            throw malformed(line, e);
        }
        catch (SelfdataException | RejectedRecord e) {
            throw e;
        }
        catch (RuntimeException e) {
            // The JDK's parser throws unchecked exceptions on some malformed input (a MissingResourceException from
            // its message formatter in a broken document type declaration): the file is at fault, not the reader.
            throw malformed(position, e);
        }
    }

    private static SelfdataException malformed(String position, Exception cause) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, InvalidInput.wording(position, Wording.of("error.gpx.malformed")),
                cause);
    }

    @FunctionalInterface
    interface XmlStep<T> {
        T run() throws XMLStreamException;
    }

    /** An element that may hold points, and how many children of each name it has had so far. */
    private static final class Frame {
        private final String name;
        private final String path;
        private final Map<String, Integer> children = new HashMap<>();

        private Frame(String name, String path) {
            this.name = name;
            this.path = path;
        }

        private int count(String child) {
            return children.merge(child, 1, Integer::sum);
        }
    }

    /** A point as read, before its texts are checked. */
    private static final class Point {
        private final Position position;
        private final Optional<String> latitudeText;
        private final Optional<String> longitudeText;
        private Optional<String> elevationText = Optional.empty();
        private Optional<String> timeText = Optional.empty();

        private Point(Position position, Optional<String> latitudeText, Optional<String> longitudeText) {
            this.position = position;
            this.latitudeText = latitudeText;
            this.longitudeText = longitudeText;
        }

        private RecordDraft draft(Optional<String> activity) {
            double latitude = decimal(latitudeText).orElseThrow(() -> InvalidInput.rejected(position,
                    Wording.of("error.gpx.latitude")));
            double longitude = decimal(longitudeText).orElseThrow(() -> InvalidInput.rejected(position,
                    Wording.of("error.gpx.longitude")));
            Instant instant = timeText.filter(text -> !text.isBlank()).map(this::instant).orElseThrow(() -> InvalidInput.rejected(
                    position, Wording.of("error.gpx.noTime")));
            Optional<String> elevation = elevationText.filter(text -> !text.isBlank());
            Optional<Double> altitude = decimal(elevation);
            if (elevation.isPresent() && altitude.isEmpty()) {
                throw InvalidInput.rejected(position, Wording.of("error.gpx.elevation"));
            }
            GeoPoint point = InvalidInput.rejecting(position, () -> new GeoPoint(latitude, longitude, Optional.empty(), altitude,
                    Optional.empty(), activity, Optional.empty()));
            return RecordDraft.of(TimeSpan.at(instant), point, position);
        }

        private Instant instant(String text) {
            String trimmed = text.strip();
            try {
                return OffsetDateTime.parse(trimmed).toInstant();
            }
            catch (DateTimeException withoutOffset) {
                try {
                    return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
                }
                catch (DateTimeException e) {
                    throw InvalidInput.rejected(position, Wording.of("error.gpx.time"));
                }
            }
        }

        /** A decimal number; {@code -0.0} is read as 0, so that the same place is always the same record. */
        private static Optional<Double> decimal(Optional<String> text) {
            return text.map(String::strip)
                    .filter(value -> DECIMAL.matcher(value).matches())
                    .map(value -> Double.parseDouble(value) + 0.0)
                    .filter(Double::isFinite);
        }
    }
}
