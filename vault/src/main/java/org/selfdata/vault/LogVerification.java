package org.selfdata.vault;

/**
 * What checking a person's log found: intact, with its size and root, or the first thing wrong with it.
 */
public sealed interface LogVerification {
    /** One line for a person to read. */
    String describe();

    record Intact(long size, TreeHash root) implements LogVerification {
        @Override
        public String describe() {
            return "intact: " + size + " entries, root " + root.hex();
        }
    }

    /** The first entry, in the log's order, that is not as the vault wrote it. */
    record EntryBroken(long index, Problem problem, String detail) implements LogVerification {
        @Override
        public String describe() {
            return "entry " + index + " " + problem.term() + ": " + detail;
        }
    }

    /** The signed head itself is wrong, or the entries do not add up to it though each looks right on its own. */
    record HeadBroken(String detail) implements LogVerification {
        @Override
        public String describe() {
            return "the signed head does not hold: " + detail;
        }
    }

    enum Problem {
        ALTERED("was altered"),
        REMOVED("was removed"),
        REORDERED("was reordered"),
        UNSIGNED("is not covered by the signed head");

        private final String term;

        Problem(String term) {
            this.term = term;
        }

        public String term() {
            return term;
        }
    }

    default boolean intact() {
        return this instanceof Intact;
    }
}
