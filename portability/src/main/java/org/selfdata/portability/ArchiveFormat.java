package org.selfdata.portability;

import org.selfdata.model.RecordType;

import java.time.LocalDateTime;

/**
 * The names inside an export archive, and what never changes between two archives of the same content.
 *
 * <p>An archive is a zip of JSON Lines parts and CSV tables, described by {@code manifest.json}: the format's name
 * and version, the person, each record type with its JSON Schema and count, and every part with its size and
 * SHA-256. The manifest comes last in the zip because it describes the parts written before it. Besides the records,
 * an archive holds the person's provenance (sources, batches, quarantines), their sharing (recipients, grants,
 * receipts), their CSV mappings, their rights desk (organizations, requests with their steps and documents, settings),
 * their corrections of the places found in their locations, and their transparency log with its signed head.
 *
 * <p>No secret is written: no OAuth code, token or client secret, no password of the person's mailbox, no token of
 * their calendar feed. They stay in the vault they were given to; after a restore, apps authorize again and the rights
 * desk asks for the mailbox and the calendar feed again.
 */
final class ArchiveFormat {
    static final String NAME = "selfdata-export";
    static final int VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String SOURCES = "sources.jsonl";
    static final String BATCHES = "batches.jsonl";
    /** The records each batch's lenient import rejected; absent from archives written before quarantines existed. */
    static final String REJECTS = "rejects.jsonl";
    /** The transparency log, each line a leaf byte for byte; absent from archives written before the log existed. */
    static final String LOG = "log.jsonl";
    /** The log's signed head, with the public key that signed it; present when {@link #LOG} is. */
    static final String LOG_HEAD = "log-head.json";
    /**
     * The recipients the person's grants name, each with its identity, redirect URIs, registration time and the
     * versions of its declaration up to the newest a grant points at (declared purposes, categories, types, the free-text
     * fields named per record type, precision ceilings, retention, transfers). Absent from archives written before
     * sharing was carried, and present with {@link #GRANTS} and {@link #RECEIPTS}.
     */
    static final String RECIPIENTS = "recipients.jsonl";
    /**
     * Every grant the person gave, oldest first, with its id, terms, time given and time withdrawn if it was. A grant's
     * status is not written, since it changes with time alone: withdrawn when it has {@code withdrawnAt}, expired once
     * its terms' {@code validUntil} has passed, given otherwise.
     */
    static final String GRANTS = "grants.jsonl";
    /**
     * The signed consent receipts of the grants, in the order of the grants then of their issue, each a compact JWS
     * (ES256) exactly as the vault signed it, with the signer's public key as a JWK named by its RFC 7638 thumbprint.
     * The key checks the receipt whichever vault the archive is restored into; whoever knows the signing vault's key
     * from elsewhere (its /.well-known/jwks.json) can also tell that vault signed it. No OAuth code, token or secret is
     * ever written: they die with the vault, and an app authorizes again after a restore.
     */
    static final String RECEIPTS = "receipts.jsonl";

    /**
     * The column mappings the person made for CSV files no importer knows: per line, the {@code layout} it reads (a
     * fingerprint of the file's delimiter, column count and header), the {@code mapping} file's text, and
     * {@code savedAt}. Absent from archives written before mappings were carried.
     */
    static final String CSV_MAPPINGS = "csv-mappings.jsonl";
    /**
     * The organizations the person added to the rights desk's directory or corrected in it: per line, its
     * {@code slug}, the {@code organization}'s JSON as text, and {@code savedAt}. Absent from archives written before
     * the rights desk was carried, and present with {@link #RIGHTS_REQUESTS}, {@link #RIGHTS_DOCUMENTS} and
     * {@link #RIGHTS_SETTINGS}.
     */
    static final String RIGHTS_ORGANIZATIONS = "rights-organizations.jsonl";
    /**
     * The person's requests to organizations, oldest first: per line, the request's {@code id}, {@code createdAt}, the
     * desk's JSON {@code details} as text, and its {@code steps} in order from 0 (the draft), each with its
     * {@code index}, {@code recordedAt}, {@code status}, {@code details}, and the {@code documents} that prove it (their
     * {@code id}, {@code sha256}, {@code mediaType} and {@code size}): the SHA-256 the person's log holds for the step.
     */
    static final String RIGHTS_REQUESTS = "rights-requests.jsonl";
    /**
     * The bytes of every document {@link #RIGHTS_REQUESTS} lists, one per line in its order: the document's {@code id},
     * its {@code request} and {@code step}, and its {@code content} in base64.
     */
    static final String RIGHTS_DOCUMENTS = "rights-documents.jsonl";
    /**
     * The rights desk's settings: per line, the setting's {@code name}, its {@code value} as text, and {@code savedAt}:
     * who the person is in their letters, where they live for public holidays, where the last fetch of answers stopped,
     * per request the identity its letter gives, its art. 15 checklist and the Message-ID it was sent in. The mail
     * account, which holds the mailbox's password, and the calendar feed's token are not written.
     */
    static final String RIGHTS_SETTINGS = "rights-settings.jsonl";

    /**
     * The person's corrections of the places found in their locations, every one in the order it was made: per line,
     * the place's {@code key}, {@code latitude} and {@code longitude} as decimal text, the {@code verdict} (confirmed,
     * named, wrong or withdrawn), the {@code name} with the verdict named, and {@code at}. Absent from archives written
     * before corrections were carried.
     */
    static final String PLACE_CORRECTIONS = "place-corrections.jsonl";

    /**
     * The person's corrections of the payments and income found coming back in their bank lines, every one in the order
     * it was made: per line, the flow's {@code key}, the {@code verdict} (confirmed, ended, notRecurring or undo), the
     * {@code name} when one was given, and {@code at}. Absent from archives written before these corrections were
     * carried.
     */
    static final String RECURRING_CORRECTIONS = "recurring-corrections.jsonl";

    /**
     * Every entry carries this modification time, so that the same content always gives the same bytes. A local
     * date-time is written to the zip's DOS fields as it is, whatever the machine's time zone.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ArchiveFormat() {}

    static String recordsPart(RecordType type) {
        return "records/" + type.id() + ".jsonl";
    }

    static String tablePart(RecordType type) {
        return "records/" + type.id() + ".csv";
    }
}
