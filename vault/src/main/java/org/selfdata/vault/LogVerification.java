package org.selfdata.vault;

import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

/**
 * What checking a person's log found: intact, with its size and root, or the first thing wrong with it.
 *
 * <p>What was found is a wording, so that a terminal or a page says it in its reader's language; {@link #describe()}
 * says it in English for the API's JSON and the logs.
 */
public sealed interface LogVerification {
    /** What was found, to be said in the reader's language. */
    Wording wording();

    /** One line for a person to read, in English. */
    default String describe() {
        return Words.english().say(wording());
    }

    record Intact(long size, TreeHash root) implements LogVerification {
        @Override
        public Wording wording() {
            return Wording.of("log.verification.intact", size, root.hex());
        }
    }

    /**
     * The first entry, in the log's order, that is not as the vault wrote it.
     *
     * @param reason how it was found out, to be said in the reader's language
     */
    record EntryBroken(long index, Problem problem, Wording reason) implements LogVerification {
        @Override
        public Wording wording() {
            return Wording.of("log.verification.entryBroken", Long.toString(index), problem.wording(), reason);
        }

        /** How it was found out, in English, for scripts. */
        public String detail() {
            return Words.english().say(reason);
        }
    }

    /**
     * The signed head itself is wrong, or the entries do not add up to it though each looks right on its own.
     *
     * @param reason how it was found out, to be said in the reader's language
     */
    record HeadBroken(Wording reason) implements LogVerification {
        @Override
        public Wording wording() {
            return Wording.of("log.verification.headBroken", reason);
        }

        /** How it was found out, in English, for scripts. */
        public String detail() {
            return Words.english().say(reason);
        }
    }

    enum Problem {
        ALTERED("was altered"),
        REMOVED("was removed"),
        REORDERED("was reordered"),
        UNSIGNED("is not covered by the signed head");

        /** The keys of the problems' words, one for each, checked by a test over every problem. */
        private static final String PROBLEM_KEY = "log.verification.problem.";

        private final String term;

        Problem(String term) {
            this.term = term;
        }

        public String term() {
            return term;
        }

        /** What happened to the entry, to be said in the reader's language. */
        public Wording wording() {
            return new Wording(PROBLEM_KEY + name().toLowerCase(java.util.Locale.ROOT), java.util.List.of());
        }
    }

    default boolean intact() {
        return this instanceof Intact;
    }
}
