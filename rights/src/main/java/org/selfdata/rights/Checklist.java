package org.selfdata.rights;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import static java.util.Objects.requireNonNull;

/**
 * The checklist of an answer to an access request: for each item of art. 15, whether the person ticked it, unticked
 * it, or whether it was found in the answer and awaits the person's word. An item found is present until the person
 * unticks it; what the person ticks or unticks is theirs, and no later answer's pre-fill changes it.
 *
 * <p>It is kept as one line of terms, each prefixed by how it was marked: {@code copy,found:purposes,unticked:rights}.
 * A term without a prefix is a tick, as the checklist was kept before items could be found.
 */
public final class Checklist {
    private static final Checklist EMPTY = new Checklist(new EnumMap<>(AccessItem.class));

    /** How an item was marked; an item not marked is neither ticked nor found. */
    private enum Mark {
        TICKED(""),
        UNTICKED("unticked:"),
        FOUND("found:");

        private final String prefix;

        Mark(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Never changed once made: each change makes a new checklist from a copy. */
    private final EnumMap<AccessItem, Mark> marks;

    private Checklist(EnumMap<AccessItem, Mark> marks) {
        this.marks = marks;
    }

    static Checklist empty() {
        return EMPTY;
    }

    /** The items the answer holds: ticked by the person, or found in the answer and not unticked. */
    public Set<AccessItem> present() {
        return marked(Mark.TICKED, Mark.FOUND);
    }

    /** The items found in the answer that the person has neither confirmed nor unticked. */
    public Set<AccessItem> prefilled() {
        return marked(Mark.FOUND);
    }

    /** The items the answer lacks, which a reminder names. */
    public Set<AccessItem> missing() {
        Set<AccessItem> missing = EnumSet.allOf(AccessItem.class);
        missing.removeAll(present());
        return missing;
    }

    /**
     * The checklist as the person leaves it, ticking exactly the items given: an item given is theirs, found or not
     * before; an item present before and not given is unticked by them; one never present stays unmarked, for a later
     * answer to find.
     */
    Checklist tickedByThePerson(Set<AccessItem> ticked) {
        EnumMap<AccessItem, Mark> next = new EnumMap<>(marks);
        for (AccessItem item : AccessItem.values()) {
            if (ticked.contains(item)) {
                next.put(item, Mark.TICKED);
            }
            else if (present().contains(item)) {
                next.put(item, Mark.UNTICKED);
            }
        }
        return new Checklist(next);
    }

    /** The checklist with the items an answer names found, except those the person already ticked or unticked. */
    Checklist found(Set<AccessItem> found) {
        EnumMap<AccessItem, Mark> next = new EnumMap<>(marks);
        found.forEach(item -> next.putIfAbsent(item, Mark.FOUND));
        return new Checklist(next);
    }

    /** The line it is kept as. */
    String text() {
        StringJoiner line = new StringJoiner(",");
        marks.forEach((item, mark) -> line.add(mark.prefix + item.term()));
        return line.toString();
    }

    /** The checklist a kept line gives; a term it does not know is left out. */
    static Checklist parse(String text) {
        requireNonNull(text, "text is null");
        EnumMap<AccessItem, Mark> marks = new EnumMap<>(AccessItem.class);
        for (String marked : text.split(",")) {
            Mark mark = Arrays.stream(Mark.values()).filter(each -> !each.prefix.isEmpty())
                    .filter(each -> marked.startsWith(each.prefix)).findFirst().orElse(Mark.TICKED);
            String term = marked.substring(mark.prefix.length()).strip().toLowerCase(Locale.ROOT);
            Arrays.stream(AccessItem.values()).filter(item -> item.term().equals(term)).findFirst()
                    .ifPresent(item -> marks.put(item, mark));
        }
        return new Checklist(marks);
    }

    private Set<AccessItem> marked(Mark... kinds) {
        Set<Mark> wanted = Set.of(kinds);
        Set<AccessItem> items = EnumSet.noneOf(AccessItem.class);
        marks.forEach((item, mark) -> {
            if (wanted.contains(mark)) {
                items.add(item);
            }
        });
        return items;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checklist that && marks.equals(that.marks);
    }

    @Override
    public int hashCode() {
        return marks.hashCode();
    }

    @Override
    public String toString() {
        return "Checklist[" + text() + "]";
    }
}
