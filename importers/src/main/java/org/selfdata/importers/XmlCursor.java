package org.selfdata.importers;

import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Moves through a StAX reader from element to element, the way a streaming importer needs to: past text and comments,
 * over elements it does not read, gathering the few leaves it does. Every fault of the XML, and the end of the file
 * inside an element, becomes an {@code INVALID_INPUT} error naming the importer's current position (an element path)
 * and the line, never the content.
 */
final class XmlCursor {
    private final XMLStreamReader xml;
    private final Supplier<String> position;

    /** @param position the importer's current element path, for error messages */
    XmlCursor(XMLStreamReader xml, Supplier<String> position) {
        this.xml = requireNonNull(xml, "xml is null");
        this.position = requireNonNull(position, "position is null");
    }

    /** Moves to the document's root element; answers its local name, or nothing for a document without one. */
    Optional<String> root() {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return Optional.of(xml.getLocalName());
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                return Optional.empty();
            }
        }
    }

    /** Moves to the next start or end of an element; answers whether it is a start. */
    boolean nextTagOpens() {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw endedEarly();
            }
        }
    }

    /** The local name of the element just opened. */
    String name() {
        return xml.getLocalName();
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(xml.getAttributeValue(null, name));
    }

    /** The text of the element just opened, read to its end. */
    String text() {
        try {
            return xml.getElementText();
        }
        catch (XMLStreamException | RuntimeException e) {
            throw malformed();
        }
    }

    /** Reads past the element just opened, whatever it holds. */
    void skipElement() {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw endedEarly();
            }
        }
    }

    /**
     * Reads the element just opened to its end, keeping the text of the wanted leaves by their paths below it
     * ({@code value}, {@code timePeriod/start}); everything else is skipped, so what is kept stays small.
     */
    Map<String, String> leaves(Set<String> wanted) {
        Map<String, String> found = new HashMap<>();
        String prefix = "";
        while (true) {
            if (!nextTagOpens()) {
                if (prefix.isEmpty()) {
                    return found;
                }
                prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1);
                continue;
            }
            String path = prefix + xml.getLocalName();
            if (wanted.contains(path)) {
                found.putIfAbsent(path, text());
            }
            else if (wanted.stream().anyMatch(field -> field.startsWith(path + "/"))) {
                prefix = path + "/";
            }
            else {
                skipElement();
            }
        }
    }

    private int next() {
        try {
            return xml.next();
        }
        catch (XMLStreamException | RuntimeException e) {
            // The JDK's parser also throws unchecked exceptions on some broken input; none of them may escape.
            throw malformed();
        }
    }

    /** The line the reader is at, for messages; -1 when the reader cannot tell. */
    int line() {
        try {
            return xml.getLocation().getLineNumber();
        }
        catch (RuntimeException e) {
            return -1;
        }
    }

    private SelfdataException malformed() {
        return InvalidInput.at(where(), Wording.of("error.xml.malformed"));
    }

    private SelfdataException endedEarly() {
        return InvalidInput.at(where(), Wording.of("error.xml.truncated"));
    }

    /** The element path and the line the reader stopped at. */
    private Wording where() {
        return Wording.of("error.xml.where", position.get(), Integer.toString(line()));
    }
}
