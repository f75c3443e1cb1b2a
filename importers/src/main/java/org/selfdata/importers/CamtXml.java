package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The elements of an ISO 20022 camt document as a stream of starts and ends, read with StAX so that a statement of
 * any length reads in flat memory.
 *
 * <p>The parser is locked down: no DTD, no external entity, so that a file cannot make selfdata read other files or
 * expand entities without end. Namespaces are read past (each version of each message has its own, and the element
 * names are the same in all), and each element has a path such as
 * {@code Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]} in which the repeating aggregates carry their
 * 1-based rank, so that a person can find an entry in the file.
 */
final class CamtXml implements AutoCloseable {
    enum Kind { START, END }

    private static final Set<String> RANKED = Set.of("Stmt", "Rpt", "Ntfctn", "Bal", "Ntry", "NtryDtls", "TxDtls");
    private static final int MAXIMUM_TEXT_LENGTH = 64 * 1024;
    private static final int MAXIMUM_DEPTH = 64;
    private static final int MAXIMUM_MESSAGE_PATH_LENGTH = 300;

    private final InputStream in;
    private final XMLStreamReader reader;
    private final List<Frame> open = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean popBeforeNext;
    private Kind kind = Kind.START;
    private String name = "";
    private Optional<String> currency = Optional.empty();
    private String leafText = "";

    CamtXml(InputStream in) {
        this.in = requireNonNull(in, "in is null");
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            this.reader = factory.createXMLStreamReader(in);
        }
        catch (XMLStreamException | RuntimeException e) {
            throw InvalidInput.at("Document", Wording.of("error.xml.document"));
        }
    }

    /** Moves to the next start or end of an element; false at the end of the document. */
    boolean advance() {
        if (popBeforeNext) {
            open.removeLast();
            popBeforeNext = false;
        }
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    start();
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    end();
                    return true;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> appendText();
                case XMLStreamConstants.END_DOCUMENT -> {
                    return false;
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw InvalidInput.at(pathOrDocument(), Wording.of("error.camt.noDeclaration"));
                default -> { }
            }
        }
    }

    Kind kind() {
        return kind;
    }

    /** The element's local name, without its namespace. */
    String name() {
        return name;
    }

    /** The name of the element that holds the current one, or an empty string at the root. */
    String parent() {
        return open.size() >= 2 ? open.get(open.size() - 2).name : "";
    }

    /** How many elements are open, the current one included. */
    int depth() {
        return open.size();
    }

    /** The names of the open elements from the given depth (1-based) to the current one, joined by slashes. */
    String pathFrom(int depth) {
        StringBuilder path = new StringBuilder();
        for (int index = depth; index < open.size(); index++) {
            path.append(path.isEmpty() ? "" : "/").append(open.get(index).name);
        }
        return path.toString();
    }

    /** The Ccy attribute of an element just started: amounts carry their currency there. */
    Optional<String> currency() {
        return currency;
    }

    /** At the end of an element that holds no other, its text, trimmed; otherwise empty. */
    String leafText() {
        return leafText;
    }

    /** The path of the current element, with the ranks of the repeating ones. */
    String path() {
        StringBuilder path = new StringBuilder();
        for (Frame frame : open) {
            path.append(path.isEmpty() ? "" : "/").append(frame.label);
        }
        return path.toString();
    }

    private int next() {
        try {
            return reader.next();
        }
        catch (XMLStreamException | RuntimeException e) {
            // The parser's own message quotes the file; only the position is kept.
            throw InvalidInput.at(pathOrDocument(), Wording.of("error.camt.malformed", String.valueOf(line())));
        }
    }

    private void start() {
        if (open.size() >= MAXIMUM_DEPTH) {
            throw InvalidInput.at(pathOrDocument(), Wording.of("error.camt.tooDeep", String.valueOf(MAXIMUM_DEPTH)));
        }
        name = reader.getLocalName();
        String label = name;
        if (RANKED.contains(name) && !open.isEmpty()) {
            Map<String, Integer> siblings = open.getLast().childCounts;
            label = name + "[" + siblings.merge(name, 1, Integer::sum) + "]";
        }
        if (!open.isEmpty()) {
            open.getLast().hasChildren = true;
        }
        open.add(new Frame(name, label));
        currency = Optional.ofNullable(reader.getAttributeValue(null, "Ccy")).map(String::strip);
        kind = Kind.START;
        text.setLength(0);
        leafText = "";
    }

    private void end() {
        Frame frame = open.getLast();
        kind = Kind.END;
        name = frame.name;
        currency = Optional.empty();
        leafText = frame.hasChildren ? "" : text.toString().strip();
        text.setLength(0);
        popBeforeNext = true;
    }

    private void appendText() {
        if (text.length() + reader.getTextLength() > MAXIMUM_TEXT_LENGTH) {
            throw InvalidInput.at(pathOrDocument(), Wording.of("error.camt.valueTooLong", String.valueOf(MAXIMUM_TEXT_LENGTH)));
        }
        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
    }

    private int line() {
        return reader.getLocation() == null ? 0 : reader.getLocation().getLineNumber();
    }

    // Error messages stay short whatever the nesting: the end of the path is where the fault is.
    private String pathOrDocument() {
        String path = open.isEmpty() ? "Document" : path();
        return path.length() <= MAXIMUM_MESSAGE_PATH_LENGTH ? path
                : "…" + path.substring(path.length() - MAXIMUM_MESSAGE_PATH_LENGTH);
    }

    @Override
    public void close() {
        try {
            reader.close();
            in.close();
        }
        catch (XMLStreamException | IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.camt.notClosed"), e);
        }
    }

    private static final class Frame {
        private final String name;
        private final String label;
        private final Map<String, Integer> childCounts = new HashMap<>();
        private boolean hasChildren;

        private Frame(String name, String label) {
            this.name = name;
            this.label = label;
        }
    }
}
