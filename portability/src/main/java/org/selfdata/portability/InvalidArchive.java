package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.function.Supplier;

/**
 * The errors of reading an archive. Each names the part and, inside it, the line; none quotes what the part holds,
 * which is personal data.
 */
final class InvalidArchive {
    private InvalidArchive() {}

    /** Something is wrong with a whole part: it is missing, damaged, or not what the manifest says. */
    static SelfdataException part(String part, String problem) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, "the archive's " + part + " " + problem);
    }

    static SelfdataException part(String part, String problem, Throwable cause) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, "the archive's " + part + " " + problem, cause);
    }

    /** Something is wrong on one line of a part. */
    static SelfdataException line(String part, long line, String problem) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, "the archive's " + part + ", line " + line + ": " + problem);
    }

    static SelfdataException line(String part, long line, String problem, Throwable cause) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, "the archive's " + part + ", line " + line + ": " + problem, cause);
    }

    /** Something is wrong with a whole part, said in the reader's language. */
    static SelfdataException part(String part, Wording problem) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.portability.part", part, problem));
    }

    static SelfdataException part(String part, Wording problem, Throwable cause) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.portability.part", part, problem), cause);
    }

    /** Something is wrong on one line of a part, said in the reader's language. */
    static SelfdataException line(String part, long line, Wording problem) {
        return new SelfdataException(ErrorCode.INVALID_INPUT,
                Wording.of("error.portability.line", part, Long.toString(line), problem));
    }

    static SelfdataException line(String part, long line, Wording problem, Throwable cause) {
        return new SelfdataException(ErrorCode.INVALID_INPUT,
                Wording.of("error.portability.line", part, Long.toString(line), problem), cause);
    }

    /**
     * Something is wrong on one line because a model object refused what it holds: the refusal said in the reader's
     * language when it can be, in English otherwise.
     */
    static SelfdataException line(String part, long line, SelfdataException refusal) {
        return refusal.wording().map(reason -> line(part, line, reason, refusal))
                .orElseGet(() -> line(part, line, refusal.getMessage(), refusal));
    }

    static SelfdataException tooLarge(String part, Wording problem) {
        return new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.portability.part", part, problem));
    }

    static SelfdataException foreign(Wording problem) {
        return new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT, Wording.of("error.portability.foreign", problem));
    }

    /** Builds a model object from values read on a line, turning the model's refusal into one that names the line. */
    static <T> T built(String part, long line, Supplier<T> construction) {
        try {
            return construction.get();
        }
        catch (SelfdataException e) {
            throw line(part, line, e);
        }
    }

    /** A part larger than this selfdata is willing to read: perhaps a zip bomb, perhaps a damaged size. */
    static SelfdataException tooLarge(String part, String problem) {
        return new SelfdataException(ErrorCode.TOO_LARGE, "the archive's " + part + " " + problem);
    }

    /**
     * A name read from the archive, fit to quote in a message: cut short, and without control characters that could
     * forge lines in a log. Only names of fields and entries are quoted, never values.
     */
    static String quotable(String name) {
        String shortened = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }

    /** A zip that is not a selfdata export, or one of a version this selfdata does not read. */
    static SelfdataException foreign(String problem) {
        return new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT,
                "the archive is not one this selfdata can restore: " + problem);
    }
}
