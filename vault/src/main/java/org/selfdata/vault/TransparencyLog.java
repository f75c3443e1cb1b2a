package org.selfdata.vault;

import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static java.util.Objects.requireNonNull;

/**
 * A person's transparency log: every read, export, push, grant, withdrawal, import, erasure, restore and refusal, and
 * every letter, answer and status of their rights requests, appended and never changed. Entries are the leaves of a
 * Merkle tree hashed as in RFC 6962; each transaction that appends signs a new tree head with the vault's key, so a log
 * cut short by a crash still matches its head.
 *
 * <p>Appends made on their own ({@link #appendAll}) are gathered per person ({@link GroupCommit}): those that arrive
 * while a batch of the person's is being written are written together next, in one transaction under one signed head,
 * and each caller gets its entries back once they are durable. Appends inside a transaction of their own change
 * ({@code append(Connection, …)}) stay in it, so that the entry lands with the change it reports.
 *
 * <p>Each row keeps the leaf as hashed and its leaf hash, and each leaf says its own index: verifying names the first
 * entry whose content no longer matches its hash (altered), whose index is missing (removed), or whose content says
 * another index (reordered), and then checks the whole tree against the signed head.
 *
 * <p>Beside the leaf, each row keeps its time, action, recipient, grant and record count in columns of their own,
 * derived from the entry in one place ({@link Columns}): the filtered views and the grant's daily volume read them
 * through indexes, the volume as a sum of the counts without parsing a leaf. They are not hashed, so verifying derives
 * them again from each authentic leaf and names an entry whose columns were changed (one hidden from the views of its
 * action, filed under another grant, or carrying fewer records against the daily volume). The filtered reads also
 * check each entry they return against its content, so that a misfiled entry is refused as damage rather than shown.
 */
public final class TransparencyLog {
    /** Keeps the advisory locks of people's logs apart from the imports' ({@link ImportStaging}) and any other use. */
    private static final long LOG_LOCKS = 0x7365_6c67_0000_0000L;

    private static final String INSERT = "INSERT INTO log_entries (person_id, entry_index, recorded_at, action, recipient_id, "
            + "grant_id, record_count, leaf, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SAVE_HEAD = "INSERT INTO log_heads (person_id, tree_size, root_hash, signed_at, signed_head, "
            + "frontier) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET tree_size = excluded.tree_size, "
            + "root_hash = excluded.root_hash, signed_at = excluded.signed_at, signed_head = excluded.signed_head, "
            + "frontier = excluded.frontier";
    private static final String KEEP_HEAD = "INSERT INTO log_head_history (person_id, tree_size, root_hash, signed_at, "
            + "signed_head) VALUES (?, ?, ?, ?, ?)";
    private static final String READ_HEAD = "SELECT tree_size, root_hash, signed_at, signed_head, frontier FROM log_heads "
            + "WHERE person_id = ?";
    private static final int READ_BATCH = 1_000;

    private record StoredHead(SignedTreeHead head, byte[] frontier) {}

    /** A row as stored: the leaf as hashed, its hash, and the columns kept beside it. */
    private record StoredEntry(long index, byte[] leaf, byte[] leafHash, Columns columns) {}

    /**
     * The columns kept beside a leaf for the filtered views and the daily volume, as the entry gives them: what is
     * written, and what verifying expects to read.
     */
    private record Columns(long recordedAt, String action, Optional<String> recipient, Optional<String> grant,
                           long records) {
        static Columns of(LogEntry entry) {
            return new Columns(entry.recordedAt().toEpochMilli(), entry.action().term(),
                    entry.actor() instanceof LogActor.Recipient recipient ? Optional.of(recipient.id().value())
                            : Optional.empty(),
                    entry.draft().grant().map(GrantId::value), entry.draft().count());
        }

        /** The first column that differs from the other's, by the name a person knows it by. */
        Optional<String> firstDifference(Columns other) {
            if (recordedAt != other.recordedAt) {
                return Optional.of("time");
            }
            if (!action.equals(other.action)) {
                return Optional.of("action");
            }
            if (!recipient.equals(other.recipient)) {
                return Optional.of("recipient");
            }
            if (!grant.equals(other.grant)) {
                return Optional.of("grant");
            }
            return records == other.records ? Optional.empty() : Optional.of("record count");
        }
    }

    private final Database database;
    private final VaultSigningKey signingKey;
    private final Clock clock;
    private final VaultMeters meters;
    private final GroupCommit batches = new GroupCommit(this::appendAlone);

    TransparencyLog(Database database, VaultSigningKey signingKey, Clock clock, VaultMeters meters) {
        this.database = requireNonNull(database, "database is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.signingKey = requireNonNull(signingKey, "signingKey is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public LogEntry append(PersonId person, LogEntryDraft draft) {
        return appendAll(person, List.of(draft)).getFirst();
    }

    /**
     * Appends the entries, consecutive and in order, in one transaction under one new signed head with the appends of
     * others for the person that arrived meanwhile; returns once they are durable. The cheap way to log many at once.
     */
    public List<LogEntry> appendAll(PersonId person, List<LogEntryDraft> drafts) {
        requireNonNull(person, "person is null");
        List<LogEntryDraft> copied = List.copyOf(drafts);
        return copied.isEmpty() ? List.of() : batches.append(person, copied);
    }

    /**
     * Appends the entries in a transaction of their own, never gathered with others': what every append did before
     * appends were gathered, kept to measure what gathering them gains.
     */
    public List<LogEntry> appendAlone(PersonId person, List<LogEntryDraft> drafts) {
        requireNonNull(person, "person is null");
        List<LogEntryDraft> copied = List.copyOf(drafts);
        return database.transaction(person, connection -> append(connection, person, copied));
    }

    /** How many of the person's appends wait in line for the batch being written to commit. */
    int waitingToAppend(PersonId person) {
        return batches.waiting(person);
    }

    /**
     * How many heads the vault signed over the person's log and kept: one per transaction that appended, however many
     * entries it held. Beside the number of entries, it tells how well appends are gathered.
     */
    public long headsKept(PersonId person) {
        requireNonNull(person, "person is null");
        return database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM log_head_history WHERE person_id = ?")) {
                select.setLong(1, person.value());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** Appends inside a transaction already scoped to the person, so the entry lands with the change it reports. */
    List<LogEntry> append(Connection connection, PersonId person, List<LogEntryDraft> drafts) throws SQLException {
        if (drafts.isEmpty()) {
            return List.of();
        }
        lockPerson(connection, person);
        MerkleHashing hashing = new MerkleHashing();
        Optional<StoredHead> stored = readHead(connection, person);
        MerkleFrontier frontier = stored.map(head -> MerkleFrontier.of(hashing, head.head().treeSize(), head.frontier()))
                .orElseGet(() -> MerkleFrontier.empty(hashing));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<LogEntry> entries = new ArrayList<>(drafts.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LogEntryDraft draft : drafts) {
                LogEntry entry = new LogEntry(frontier.size(), now, draft);
                byte[] leaf = LogEntryJson.bytes(entry);
                byte[] leafHash = hashing.leaf(leaf);
                bind(insert, person, entry, leaf, leafHash);
                insert.addBatch();
                frontier.add(leafHash);
                entries.add(entry);
            }
            insert.executeBatch();
        }
        saveHead(connection, person, frontier, now);
        // Counted as written in the transaction: one that rolls back afterwards, rare, is counted all the same.
        meters.appended(entries.size());
        meters.signedHead();
        return entries;
    }

    private void saveHead(Connection connection, PersonId person, MerkleFrontier frontier, Instant now) throws SQLException {
        SignedTreeHead head = SignedTreeHead.sign(signingKey, person, frontier.size(), new TreeHash(frontier.root()), now);
        try (PreparedStatement save = connection.prepareStatement(SAVE_HEAD)) {
            save.setLong(1, person.value());
            save.setLong(2, head.treeSize());
            save.setBytes(3, head.root().bytes());
            save.setLong(4, now.toEpochMilli());
            save.setString(5, head.jws());
            save.setBytes(6, frontier.bytes());
            save.executeUpdate();
        }
        try (PreparedStatement keep = connection.prepareStatement(KEEP_HEAD)) {
            keep.setLong(1, person.value());
            keep.setLong(2, head.treeSize());
            keep.setBytes(3, head.root().bytes());
            keep.setLong(4, now.toEpochMilli());
            keep.setString(5, head.jws());
            keep.executeUpdate();
        }
    }

    /**
     * Writes a log read from an export back, leaf by leaf and byte for byte, so that its root stays the one its old
     * head signed; {@link Copy#finish} signs it anew with this vault's key. Only into an empty log.
     */
    Copy copy(Connection connection, PersonId person) throws SQLException {
        return new Copy(connection, person);
    }

    final class Copy {
        private final Connection connection;
        private final PersonId person;
        private final MerkleHashing hashing = new MerkleHashing();
        private final MerkleFrontier frontier = MerkleFrontier.empty(hashing);
        private final PreparedStatement insert;
        private int pending;

        private Copy(Connection connection, PersonId person) throws SQLException {
            this.connection = connection;
            this.person = person;
            this.insert = connection.prepareStatement(INSERT);
        }

        void add(byte[] leaf) throws SQLException {
            if (frontier.size() == 0) {
                requireEmpty();
            }
            LogEntry entry = LogEntryJson.parse(leaf);
            if (entry.index() != frontier.size()) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.vault.archiveLogOrder", Long.toString(entry.index()), Long.toString(frontier.size())));
            }
            byte[] leafHash = hashing.leaf(leaf);
            bind(insert, person, entry, leaf, leafHash);
            insert.addBatch();
            frontier.add(leafHash);
            if (++pending == READ_BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        private void requireEmpty() throws SQLException {
            lockPerson(connection, person);
            Optional<StoredHead> stored = readHead(connection, person);
            if (stored.isPresent() && stored.get().head().treeSize() > 0) {
                throw new SelfdataException(ErrorCode.CONFLICT,
                        Wording.of("error.vault.logNotEmpty", Long.toString(stored.get().head().treeSize())));
            }
        }

        /** The copied log's root, and its head signed by this vault. */
        TreeHash finish() throws SQLException {
            insert.executeBatch();
            insert.close();
            if (frontier.size() == 0) {
                return new TreeHash(frontier.root());
            }
            saveHead(connection, person, frontier, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return new TreeHash(frontier.root());
        }
    }

    private static void bind(PreparedStatement insert, PersonId person, LogEntry entry, byte[] leaf, byte[] leafHash)
            throws SQLException {
        Columns columns = Columns.of(entry);
        insert.setLong(1, person.value());
        insert.setLong(2, entry.index());
        insert.setLong(3, columns.recordedAt());
        insert.setString(4, columns.action());
        insert.setString(5, columns.recipient().orElse(null));
        insert.setString(6, columns.grant().orElse(null));
        insert.setLong(7, columns.records());
        insert.setBytes(8, leaf);
        insert.setBytes(9, leafHash);
    }

    /**
     * Two appends for one person take turns. On PostgreSQL they take an advisory lock of the person's log, held until
     * the transaction ends, on every server sharing the database. It is not a lock of the person's row in
     * {@code persons}: on Citus that table is copied to every node, so locking the row made every read's transaction
     * one of all the nodes, committed in two phases, where the person's log is on one. A person erased meanwhile is
     * still waited for, by the foreign key the new entries check. SQLite writers are exclusive already.
     */
    private void lockPerson(Connection connection, PersonId person) throws SQLException {
        if (database.isPostgres()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOG_LOCKS + person.value());
                lock.executeQuery().close();
            }
        }
    }

    /** The entries the query selects, in the log's order. */
    public List<LogEntry> query(PersonId person, LogQuery query) {
        requireNonNull(person, "person is null");
        requireNonNull(query, "query is null");
        StringBuilder sql = new StringBuilder("SELECT leaf FROM log_entries WHERE person_id = ?");
        List<String> values = new ArrayList<>();
        query.recipient().ifPresent(recipient -> {
            sql.append(" AND recipient_id = ?");
            values.add(recipient.value());
        });
        query.grant().ifPresent(grant -> {
            sql.append(" AND grant_id = ?");
            values.add(grant.value());
        });
        query.action().ifPresent(action -> {
            sql.append(" AND action = ?");
            values.add(action.term());
        });
        sql.append(" AND entry_index > ? ORDER BY entry_index LIMIT ?");
        return database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int position = 1;
                select.setLong(position++, person.value());
                for (String value : values) {
                    select.setString(position++, value);
                }
                select.setLong(position++, query.after().orElse(-1L));
                select.setInt(position, query.limit());
                List<LogEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(filedAsAsked(LogEntryJson.parse(rows.getBytes(1)), query.recipient(), query.grant(),
                                query.action()));
                    }
                }
                return entries;
            }
        });
    }

    /** The entry at this index, if the log has one. */
    public Optional<LogEntry> entry(PersonId person, long index) {
        if (index < 0) {
            return Optional.empty();
        }
        List<LogEntry> found = query(person, LogQuery.all().after(index - 1).limit(1));
        return found.stream().filter(entry -> entry.index() == index).findFirst();
    }

    /**
     * How many records entries of this action under this grant carried since an instant: what the gate holds a
     * grant's daily volume to: a sum over the grant's indexed entries of the count each carried, kept beside its leaf.
     * A count changed behind the vault is named by verifying the log.
     */
    public long countSince(PersonId person, GrantId grant, LogAction action, Instant since) {
        requireNonNull(grant, "grant is null");
        requireNonNull(action, "action is null");
        return database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(sum(record_count), 0) FROM "
                    + "log_entries WHERE person_id = ? AND grant_id = ? AND action = ? AND recorded_at >= ?")) {
                select.setLong(1, person.value());
                select.setString(2, grant.value());
                select.setString(3, action.term());
                select.setLong(4, since.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /**
     * The entry, when its content names the recipient, grant and action it was selected by; the vault is damaged
     * otherwise, since its columns say what its content does not.
     */
    private static LogEntry filedAsAsked(LogEntry entry, Optional<RecipientId> recipient, Optional<GrantId> grant,
            Optional<LogAction> action) {
        Columns columns = Columns.of(entry);
        boolean filed = recipient.map(id -> columns.recipient().equals(Optional.of(id.value()))).orElse(true)
                && grant.map(id -> columns.grant().equals(Optional.of(id.value()))).orElse(true)
                && action.map(term -> columns.action().equals(term.term())).orElse(true);
        if (!filed) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT,
                    Wording.of("error.vault.entryMisfiled", Long.toString(entry.index())));
        }
        return entry;
    }

    /**
     * Every leaf of the person's log as stored, in order, with the signed head first: what an export carries. The
     * consumer sees each leaf's exact bytes.
     */
    public SignedTreeHead leaves(PersonId person, Consumer<byte[]> leaves) {
        SignedTreeHead head = head(person);
        scan(person, row -> {
            if (row.index() < head.treeSize()) {
                leaves.accept(row.leaf());
            }
            return true;
        });
        return head;
    }

    /** The newest signed head; an empty log gets a head signed on the spot. */
    public SignedTreeHead head(PersonId person) {
        requireNonNull(person, "person is null");
        return database.read(person, connection -> readHead(connection, person)).map(StoredHead::head)
                .orElseGet(() -> SignedTreeHead.sign(signingKey, person, 0, new TreeHash(new MerkleHashing().empty()),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * The heads the vault signed over the person's log, oldest first, of sizes above {@code afterSize}: what an auditor
     * keeps and checks newer heads against with consistency proofs.
     */
    public List<SignedTreeHead> heads(PersonId person, long afterSize, int limit) {
        requireNonNull(person, "person is null");
        if (limit < 1 || limit > LogQuery.MAXIMUM_LIMIT) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.logLimit", Integer.toString(LogQuery.MAXIMUM_LIMIT)));
        }
        return database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT tree_size, root_hash, signed_at, signed_head "
                    + "FROM log_head_history WHERE person_id = ? AND tree_size > ? ORDER BY tree_size LIMIT ?")) {
                select.setLong(1, person.value());
                select.setLong(2, afterSize);
                select.setInt(3, limit);
                List<SignedTreeHead> heads = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        heads.add(new SignedTreeHead(person, rows.getLong(1), new TreeHash(rows.getBytes(2)),
                                Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4)));
                    }
                }
                return heads;
            }
        });
    }

    /** The head the vault signed when the log had exactly this many entries, if it signed one then. */
    public Optional<SignedTreeHead> headOfSize(PersonId person, long treeSize) {
        return heads(person, treeSize - 1, 1).stream().filter(head -> head.treeSize() == treeSize).findFirst();
    }

    public InclusionProof inclusionProof(PersonId person, long index, long treeSize) {
        return tree(person, treeSize).inclusion(index, treeSize);
    }

    public ConsistencyProof consistencyProof(PersonId person, long fromSize, long toSize) {
        return tree(person, toSize).consistency(fromSize, toSize);
    }

    /** The leaf hash of one entry, for checking an inclusion proof against it. */
    public TreeHash leafHash(PersonId person, long index) {
        requireNonNull(person, "person is null");
        return database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT leaf_hash FROM log_entries WHERE person_id = ? AND entry_index = ?")) {
                select.setLong(1, person.value());
                select.setLong(2, index);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new SelfdataException(ErrorCode.NOT_FOUND,
                                Wording.of("error.vault.noLogEntry", Long.toString(index)));
                    }
                    return new TreeHash(rows.getBytes(1));
                }
            }
        });
    }

    private MerkleTree tree(PersonId person, long treeSize) {
        requireNonNull(person, "person is null");
        long size = head(person).treeSize();
        if (treeSize < 0 || treeSize > size) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.noTree", Long.toString(size), Long.toString(treeSize)));
        }
        ByteArrayOutputStream hashes = new ByteArrayOutputStream(Math.toIntExact(treeSize * TreeHash.LENGTH));
        database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT leaf_hash FROM log_entries "
                    + "WHERE person_id = ? AND entry_index < ? ORDER BY entry_index")) {
                select.setLong(1, person.value());
                select.setLong(2, treeSize);
                select.setFetchSize(READ_BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.writeBytes(rows.getBytes(1));
                    }
                }
            }
            return null;
        });
        if (hashes.size() != treeSize * TreeHash.LENGTH) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.vault.logLost"));
        }
        return new MerkleTree(hashes.toByteArray());
    }

    /**
     * Checks the whole log, reading it once in order without holding it in memory, and stops at the first fault.
     */
    public LogVerification verify(PersonId person) {
        requireNonNull(person, "person is null");
        SignedTreeHead head = head(person);
        if (!head.verify(signingKey.verifier())) {
            return new LogVerification.HeadBroken(Wording.of("log.verification.signature"));
        }
        MerkleHashing hashing = new MerkleHashing();
        MerkleFrontier frontier = MerkleFrontier.empty(hashing);
        LogVerification[] fault = new LogVerification[1];
        List<LogVerification> misfiled = new ArrayList<>(1);
        scan(person, row -> {
            fault[0] = check(head, frontier.size(), row, hashing);
            if (fault[0] == null) {
                frontier.add(row.leafHash());
                if (misfiled.isEmpty()) {
                    checkColumns(row).ifPresent(misfiled::add);
                }
            }
            return fault[0] == null;
        });
        if (fault[0] != null) {
            return fault[0];
        }
        if (frontier.size() < head.treeSize()) {
            return new LogVerification.EntryBroken(frontier.size(), LogVerification.Problem.REMOVED,
                    Wording.of("log.verification.endsEarly", head.treeSize()));
        }
        TreeHash root = new TreeHash(frontier.root());
        if (!root.equals(head.root())) {
            return locateRecomputed(person);
        }
        // Every leaf is now known to be as appended, so a column that says otherwise is what was changed.
        return misfiled.isEmpty() ? new LogVerification.Intact(head.treeSize(), root) : misfiled.getFirst();
    }

    /**
     * Each leaf matches its stored hash, yet they do not add up to the signed root: an entry was altered together with
     * its stored hash. The older signed heads tell which: the entry lies after the last head whose root the entries
     * still give and before the first whose root they no longer give, so with a head signed at every append it is
     * named exactly. Only the roots and sizes are held in memory (40 bytes a head), and only the two heads that bound
     * the entry have their signatures checked, so that a forged head cannot move the blame.
     */
    private LogVerification locateRecomputed(PersonId person) {
        HeadRoots roots = headRoots(person);
        MerkleHashing hashing = new MerkleHashing();
        MerkleFrontier frontier = MerkleFrontier.empty(hashing);
        long[] bounds = {0, -1};
        int[] next = {0};
        scan(person, row -> {
            frontier.add(row.leafHash());
            while (next[0] < roots.count() && roots.size(next[0]) < frontier.size()) {
                next[0]++;
            }
            if (next[0] < roots.count() && roots.size(next[0]) == frontier.size()) {
                if (!roots.root(next[0]).equals(new TreeHash(frontier.root()))) {
                    bounds[1] = frontier.size();
                    return false;
                }
                bounds[0] = frontier.size();
            }
            return true;
        });
        if (bounds[1] < 0) {
            return new LogVerification.HeadBroken(Wording.of("log.verification.rootMismatch"));
        }
        for (long size : bounds[0] == 0 ? new long[] {bounds[1]} : bounds) {
            if (!headOfSize(person, size).map(kept -> kept.verify(signingKey.verifier())).orElse(false)) {
                return new LogVerification.HeadBroken(Wording.of("log.verification.historyForged", Long.toString(size)));
            }
        }
        long from = bounds[0];
        long to = bounds[1] - 1;
        return new LogVerification.EntryBroken(from, LogVerification.Problem.ALTERED, from == to
                ? Wording.of("log.verification.recomputed")
                : Wording.of("log.verification.recomputedBetween", Long.toString(from), Long.toString(to)));
    }

    /** The sizes and roots of every head kept, in order of size, in two flat arrays. */
    private record HeadRoots(long[] sizes, byte[] roots) {
        int count() {
            return sizes.length;
        }

        long size(int position) {
            return sizes[position];
        }

        TreeHash root(int position) {
            return new TreeHash(Arrays.copyOfRange(roots, position * TreeHash.LENGTH, (position + 1) * TreeHash.LENGTH));
        }
    }

    private HeadRoots headRoots(PersonId person) {
        return database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT tree_size, root_hash FROM log_head_history "
                    + "WHERE person_id = ? ORDER BY tree_size")) {
                select.setLong(1, person.value());
                select.setFetchSize(READ_BATCH);
                LongStream.Builder sizes = LongStream.builder();
                ByteArrayOutputStream roots = new ByteArrayOutputStream();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sizes.add(rows.getLong(1));
                        roots.writeBytes(rows.getBytes(2));
                    }
                }
                return new HeadRoots(sizes.build().toArray(), roots.toByteArray());
            }
        });
    }

    private static LogVerification check(SignedTreeHead head, long expected, StoredEntry row, MerkleHashing hashing) {
        long index = row.index();
        byte[] leaf = row.leaf();
        byte[] storedHash = row.leafHash();
        if (index != expected) {
            return new LogVerification.EntryBroken(expected, LogVerification.Problem.REMOVED,
                    Wording.of("log.verification.gap", Long.toString(expected - 1), Long.toString(index)));
        }
        if (index >= head.treeSize()) {
            return new LogVerification.EntryBroken(index, LogVerification.Problem.UNSIGNED,
                    Wording.of("log.verification.unsigned", head.treeSize()));
        }
        long claimed = LogEntryJson.index(leaf);
        if (claimed != index && claimed >= 0 && Arrays.equals(hashing.leaf(leaf), storedHash)) {
            return new LogVerification.EntryBroken(index, LogVerification.Problem.REORDERED,
                    Wording.of("log.verification.holdsOther", Long.toString(claimed)));
        }
        if (claimed != index || !Arrays.equals(hashing.leaf(leaf), storedHash)) {
            return new LogVerification.EntryBroken(index, LogVerification.Problem.ALTERED,
                    Wording.of("log.verification.hashMismatch"));
        }
        return null;
    }

    /**
     * The columns kept beside a leaf against what its entry says they are. Meaningful once the leaf is known to be as
     * appended, which only the signed root tells: a leaf forged with its hash disagrees with its columns too.
     */
    private static Optional<LogVerification> checkColumns(StoredEntry row) {
        LogEntry entry;
        try {
            entry = LogEntryJson.parse(row.leaf());
        }
        catch (SelfdataException e) {
            return Optional.of(new LogVerification.EntryBroken(row.index(), LogVerification.Problem.ALTERED,
                    Wording.of("log.verification.notAnEntry")));
        }
        return Columns.of(entry).firstDifference(row.columns()).map(column -> new LogVerification.EntryBroken(row.index(),
                LogVerification.Problem.ALTERED, Wording.of("log.verification.column", column)));
    }

    @FunctionalInterface
    private interface Row {
        /** Returns whether to go on. */
        boolean accept(StoredEntry row);
    }

    private void scan(PersonId person, Row row) {
        Connection connection = database.openReader(person);
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_index, leaf, leaf_hash, recorded_at, "
                + "action, recipient_id, grant_id, record_count FROM log_entries WHERE person_id = ? ORDER BY entry_index")) {
            select.setLong(1, person.value());
            select.setFetchSize(READ_BATCH);
            try (ResultSet rows = select.executeQuery()) {
                boolean going = true;
                while (going && rows.next()) {
                    going = row.accept(new StoredEntry(rows.getLong(1), rows.getBytes(2), rows.getBytes(3),
                            new Columns(rows.getLong(4), rows.getString(5), Optional.ofNullable(rows.getString(6)),
                                    Optional.ofNullable(rows.getString(7)), rows.getLong(8))));
                }
            }
        }
        catch (SQLException e) {
            throw Database.failure(e, Wording.of("error.vault.doing.readingLog"));
        }
        finally {
            database.closeReader(connection);
        }
    }

    private static Optional<StoredHead> readHead(Connection connection, PersonId person) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READ_HEAD)) {
            select.setLong(1, person.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                SignedTreeHead head = new SignedTreeHead(person, rows.getLong(1), new TreeHash(rows.getBytes(2)),
                        Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4));
                return Optional.of(new StoredHead(head, rows.getBytes(5)));
            }
        }
    }
}
