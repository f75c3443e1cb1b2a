package org.selfdata.importers;

import org.selfdata.texts.Wording;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns OFX tokens into elements: aggregates that open and close, and leaves that carry a value.
 *
 * <p>SGML OFX leaves out the end tags of leaves, so a tag followed by text is a leaf and a tag followed by another
 * tag is an aggregate. The one ambiguous case is an empty leaf whose end tag is also left out ({@code <MEMO><FITID>});
 * the leaves selfdata reads are known by name so that such a leaf does not swallow its siblings. An end tag closes
 * every element opened since its start tag, as SGML's omitted end tags imply.
 *
 * <p>Each element has a path such as {@code OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[4]}: repeating
 * aggregates carry their 1-based rank among their siblings, so that a person can find the transaction in the file.
 */
final class OfxElements {
    enum Kind { OPEN, LEAF, CLOSE }

    static final Set<String> LEAVES = Set.of("TRNTYPE", "DTPOSTED", "DTUSER", "DTAVAIL", "TRNAMT", "FITID", "NAME", "MEMO",
            "CHECKNUM", "REFNUM", "SIC", "PAYEEID", "CURDEF", "BANKID", "BRANCHID", "ACCTID", "ACCTTYPE", "ACCTKEY", "BALAMT",
            "DTASOF", "DTSTART", "DTEND", "DTSERVER", "ORG", "FID", "LANGUAGE", "CODE", "SEVERITY", "MESSAGE", "TRNUID");
    private static final Set<String> RANKED = Set.of("STMTTRNRS", "CCSTMTTRNRS", "INVSTMTTRNRS", "STMTTRN", "INVBANKTRAN");

    private final OfxTokenizer tokenizer;
    private final List<Frame> open = new ArrayList<>();
    private boolean lookingAhead;
    private boolean popBeforeNext;
    private int closesPending;
    private Kind kind;
    private String name = "";
    private String value = "";

    OfxElements(OfxTokenizer tokenizer) {
        this.tokenizer = requireNonNull(tokenizer, "tokenizer is null");
    }

    /** Moves to the next element event; false after the last one. */
    boolean advance() {
        try {
            return move();
        }
        catch (IOException e) {
            throw InvalidInput.unreadable(pathOrFile(), e);
        }
        catch (OfxTokenizer.OfxSyntaxException e) {
            throw InvalidInput.at(pathOrFile(), Wording.of("error.ofx.syntax", e.found()));
        }
    }

    Kind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    /** A leaf's value, trimmed; empty for an empty leaf. */
    String value() {
        return value;
    }

    /** The name of the aggregate that holds the current element, or an empty string at the top. */
    String parent() {
        int depth = open.size() - (kind == Kind.LEAF ? 1 : 2);
        return depth >= 0 ? open.get(depth).name : "";
    }

    /** The path of the current element. */
    String path() {
        StringBuilder path = new StringBuilder();
        for (Frame frame : open) {
            path.append(path.isEmpty() ? "" : "/").append(frame.label);
        }
        if (kind == Kind.LEAF) {
            path.append(path.isEmpty() ? "" : "/").append(name);
        }
        return path.toString();
    }

    private boolean move() throws IOException {
        if (popBeforeNext) {
            open.removeLast();
            popBeforeNext = false;
        }
        if (closesPending > 0) {
            closesPending--;
            return close();
        }
        while (lookingAhead || tokenizer.advance()) {
            lookingAhead = false;
            switch (tokenizer.kind()) {
                case START -> {
                    return start(tokenizer.value());
                }
                case END -> {
                    int index = indexOfOpen(tokenizer.value());
                    if (index >= 0) {
                        closesPending = open.size() - index - 1;
                        return close();
                    }
                }
                case TEXT -> {
                    // Text outside a leaf: the 1.x header lines, or stray characters between aggregates.
                }
            }
        }
        if (!open.isEmpty()) {
            throw InvalidInput.at(path(), Wording.of("error.ofx.fileEnds"));
        }
        return false;
    }

    private boolean start(String element) throws IOException {
        String label = rank(element);
        if (!tokenizer.advance()) {
            return leaf(element, "");
        }
        switch (tokenizer.kind()) {
            case TEXT -> {
                String text = tokenizer.value();
                lookingAhead = !(tokenizer.advance() && tokenizer.kind() == OfxTokenizer.Kind.END
                        && tokenizer.value().equals(element));
                return leaf(element, text);
            }
            case END -> {
                lookingAhead = !tokenizer.value().equals(element);
                return lookingAhead && !LEAVES.contains(element) ? openAggregate(element, label) : leaf(element, "");
            }
            case START -> {
                lookingAhead = true;
                return LEAVES.contains(element) ? leaf(element, "") : openAggregate(element, label);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private String rank(String element) {
        if (!RANKED.contains(element)) {
            return element;
        }
        Map<String, Integer> siblings = open.isEmpty() ? new HashMap<>() : open.getLast().childCounts;
        int rank = siblings.merge(element, 1, Integer::sum);
        return element + "[" + rank + "]";
    }

    private boolean leaf(String element, String text) {
        kind = Kind.LEAF;
        name = element;
        value = text;
        return true;
    }

    private boolean openAggregate(String element, String label) {
        open.add(new Frame(element, label));
        kind = Kind.OPEN;
        name = element;
        value = "";
        return true;
    }

    private boolean close() {
        kind = Kind.CLOSE;
        name = open.getLast().name;
        value = "";
        popBeforeNext = true;
        return true;
    }

    private int indexOfOpen(String element) {
        for (int index = open.size() - 1; index >= 0; index--) {
            if (open.get(index).name.equals(element)) {
                return index;
            }
        }
        return -1;
    }

    private String pathOrFile() {
        return open.isEmpty() ? "OFX" : path();
    }

    private static final class Frame {
        private final String name;
        private final String label;
        private final Map<String, Integer> childCounts = new HashMap<>();

        private Frame(String name, String label) {
            this.name = name;
            this.label = label;
        }
    }
}
