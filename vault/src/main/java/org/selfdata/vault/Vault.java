package org.selfdata.vault;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.PrivateFiles;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.COVERAGE;
import static org.selfdata.vault.VaultTables.FIRST_START;
import static org.selfdata.vault.VaultTables.LAST_END;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDS_COUNT;
import static org.selfdata.vault.VaultTables.SOURCE_ID;
import static org.selfdata.vault.VaultTables.TYPE;

/**
 * A person's vault, or an operator's vault of many people: the only code that touches the database and the keys.
 *
 * <p>{@link #create} makes a new vault; {@link #open} opens an existing one and never creates or changes anything
 * before the key has been checked. A vault that is missing, damaged, or opened with the wrong key is refused with a
 * message that says which, and how to fix it.
 */
public final class Vault implements AutoCloseable {
    private final VaultLocation location;
    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    private final People people;
    private final PersonIdentities identities;
    private final Imports imports;
    private final Records records;
    private final Erasure erasure;
    private final Restoration restoration;
    private final OwnerSessions sessions;
    private final OAuthTokens oauthTokens;
    private final LogAuditors auditors;
    private final Recipients recipients;
    private final Grants grants;
    private final ConsentReceiptArchive receipts;
    private final CsvMappings csvMappings;
    private final RightsOrganizations rightsOrganizations;
    private final RightsRequests rightsRequests;
    private final RightsIdentityDocuments rightsIdentityDocuments;
    private final PlaceCorrections placeCorrections;
    private final RecurringCorrections recurringCorrections;
    private final ExecutorService opening;
    private final Optional<Checkpoints> checkpoints;
    private final TransparencyLog log;
    private final VaultSigningKey signingKey;
    private final SharingKeys sharingKeys;
    private final InProgressFiles inProgress;
    private final MeterRegistry meters;

    private Vault(VaultLocation location, Database database, KeyEncryptionKey keyEncryptionKey, Clock clock,
            MeterRegistry meters) {
        this.location = location;
        this.database = database;
        this.clock = clock;
        this.meters = meters;
        VaultMeters counted = new VaultMeters(meters);
        this.keyring = new Keyring(keyEncryptionKey);
        this.signingKey = VaultSigningKey.loadOrCreate(database, keyEncryptionKey);
        this.sharingKeys = SharingKeys.loadOrCreate(database, keyEncryptionKey);
        this.people = new People(database, clock);
        this.identities = new PersonIdentities(database, clock);
        this.log = new TransparencyLog(database, signingKey, clock, counted);
        this.inProgress = InProgressFiles.startingIn(location.folder());
        this.imports = new Imports(database, keyring, clock, log, inProgress.folder(), counted);
        this.opening = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().name("selfdata-opening-", 1).daemon().factory());
        this.records = new Records(database, keyring, clock, opening);
        this.sessions = new OwnerSessions(database, clock);
        this.erasure = new Erasure(database, keyring, log, sessions);
        this.oauthTokens = new OAuthTokens(database, clock);
        this.auditors = new LogAuditors(database, clock);
        this.recipients = new Recipients(database, clock);
        this.grants = new Grants(database, clock, log);
        this.receipts = new ConsentReceiptArchive(database);
        this.csvMappings = new CsvMappings(database, keyEncryptionKey, clock);
        this.rightsOrganizations = new RightsOrganizations(database, keyEncryptionKey, clock);
        this.rightsRequests = new RightsRequests(database, keyEncryptionKey, log, clock);
        this.rightsIdentityDocuments = new RightsIdentityDocuments(database, keyEncryptionKey, clock);
        this.placeCorrections = new PlaceCorrections(database, keyEncryptionKey, log, clock);
        this.recurringCorrections = new RecurringCorrections(database, keyEncryptionKey, log, clock);
        this.restoration = new Restoration(database, keyring, log, signingKey.keyId(), clock, csvMappings,
                rightsOrganizations, rightsRequests, placeCorrections, recurringCorrections);
        this.checkpoints = database.isPostgres() ? Optional.empty()
                : Optional.of(new Checkpoints(database, location.databaseFile()));
    }

    public static Vault create(VaultLocation location, KeySource keySource) {
        return create(location, keySource, Clock.systemUTC());
    }

    public static Vault open(VaultLocation location, KeySource keySource) {
        return open(location, keySource, Clock.systemUTC());
    }

    /**
     * Creates a vault that reports what it does to the registry, as a server an operator watches does; the vault and
     * whatever works over it (the gate, the server) count into it. Without one, they count into a registry of the
     * vault's own that nobody reads.
     */
    public static Vault create(VaultLocation location, KeySource keySource, MeterRegistry meters) {
        return create(location, keySource, Clock.systemUTC(), requireNonNull(meters, "meters is null"));
    }

    /** Opens a vault that reports what it does to the registry; see {@link #create(VaultLocation, KeySource, MeterRegistry)}. */
    public static Vault open(VaultLocation location, KeySource keySource, MeterRegistry meters) {
        return open(location, keySource, Clock.systemUTC(), requireNonNull(meters, "meters is null"));
    }

    /** Whether a vault exists at this location, without opening it. */
    public static boolean exists(VaultLocation location) {
        if (location.postgres().isEmpty()) {
            return Files.exists(location.databaseFile());
        }
        try (Database database = Database.connect(location, false)) {
            return database.transaction(connection -> VaultMeta.read(connection).isPresent());
        }
    }

    static Vault create(VaultLocation location, KeySource keySource, Clock clock) {
        return create(location, keySource, clock, new SimpleMeterRegistry());
    }

    private static Vault create(VaultLocation location, KeySource keySource, Clock clock, MeterRegistry meters) {
        requireNonNull(location, "location is null");
        requireNonNull(keySource, "keySource is null");
        if (location.postgres().isEmpty() && Files.exists(location.databaseFile())) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.alreadyAt", location.folder().toString()));
        }
        createPrivateFolder(location);
        Database database = Database.connect(location, true, meters);
        try {
            requireOrdinaryRole(database);
            database.checkServerVersion();
            database.transaction(connection -> {
                DSLContext dsl = database.dsl(connection);
                if (VaultMeta.read(connection).isPresent()) {
                    throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.alreadyIn", location.describe()));
                }
                // What an extension made there (Citus's views citus_tables and citus_schemas) is the operator's set-up,
                // not someone else's data.
                if (database.isPostgres() && !dsl.fetch("SELECT table_name FROM information_schema.tables t "
                        + "WHERE table_schema = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d "
                        + "WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e' "
                        + "AND d.objid = format('%I.%I', t.table_schema, t.table_name)::regclass)").isEmpty()) {
                    throw new SelfdataException(ErrorCode.CONFLICT,
                            Wording.of("error.vault.databaseNotEmpty", location.describe()));
                }
                return null;
            });
            Map<String, String> keySettings = keySettings(location, keySource);
            KeyEncryptionKey key = keyEncryptionKey(location, keySource, keySettings);
            database.useWriteAheadLog();
            Migrations.migrate(database);
            database.transaction(connection -> {
                DSLContext dsl = database.dsl(connection);
                VaultMeta.write(dsl, keySettings);
                VaultMeta.write(dsl, Map.of(
                        VaultMeta.FORMAT, VaultMeta.CURRENT_FORMAT,
                        VaultMeta.CREATED_AT, clock.instant().toString(),
                        VaultMeta.KEY_CHECK, Base64.getEncoder().encodeToString(key.checkValue()),
                        VaultMeta.SIGNING_KEY, Base64.getEncoder().encodeToString(VaultSigningKey.generate().seal(key))));
                return null;
            });
            return new Vault(location, database, key, clock, meters);
        }
        catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static Vault open(VaultLocation location, KeySource keySource, Clock clock) {
        return open(location, keySource, clock, new SimpleMeterRegistry());
    }

    private static Vault open(VaultLocation location, KeySource keySource, Clock clock, MeterRegistry meters) {
        requireNonNull(location, "location is null");
        requireNonNull(keySource, "keySource is null");
        if (location.postgres().isEmpty() && !Files.isRegularFile(location.databaseFile())) {
            throw new SelfdataException(ErrorCode.VAULT_MISSING, Wording.of("error.vault.noneAt", location.folder().toString()));
        }
        Database database = Database.connect(location, false, meters);
        try {
            requireOrdinaryRole(database);
            database.checkServerVersion();
            Map<String, String> settings = database.transaction(VaultMeta::read)
                    .orElseThrow(() -> location.postgres().isPresent()
                            ? new SelfdataException(ErrorCode.VAULT_MISSING,
                                    Wording.of("error.vault.noneInDatabase", location.describe()))
                            : new SelfdataException(ErrorCode.VAULT_CORRUPT,
                                    Wording.of("error.vault.sqliteNotVault", location.databaseFile().toString())));
            if (!VaultMeta.CURRENT_FORMAT.equals(settings.get(VaultMeta.FORMAT))) {
                throw new SelfdataException(ErrorCode.VAULT_CORRUPT,
                        Wording.of("error.vault.format", location.describe(), String.valueOf(settings.get(VaultMeta.FORMAT))));
            }
            KeyEncryptionKey key = keyEncryptionKey(location, keySource, settings);
            if (!key.opens(Base64.getDecoder().decode(settings.get(VaultMeta.KEY_CHECK)))) {
                throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                        keySource instanceof KeySource.Passphrase
                                ? Wording.of("error.vault.passphraseWrong", location.describe())
                                : Wording.of("error.vault.keyFileOtherVault", ((KeySource.KeyFile) keySource).path().toString(),
                                        location.describe()));
            }
            Migrations.migrate(database);
            makePrivate(location);
            return new Vault(location, database, key, clock, meters);
        }
        catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Map<String, String> keySettings(VaultLocation location, KeySource keySource) {
        return switch (keySource) {
            case KeySource.KeyFile file -> Map.of(VaultMeta.KEY_SOURCE, "file");
            case KeySource.Passphrase passphrase -> {
                byte[] salt = new byte[16];
                new SecureRandom().nextBytes(salt);
                Argon2 cost = Argon2.KEY_DERIVATION;
                yield Map.of(VaultMeta.KEY_SOURCE, "passphrase",
                        VaultMeta.KEY_SALT, Base64.getEncoder().encodeToString(salt),
                        VaultMeta.KEY_COST, cost.memoryKibibytes() + "," + cost.iterations() + "," + cost.parallelism());
            }
        };
    }

    private static KeyEncryptionKey keyEncryptionKey(VaultLocation location, KeySource keySource, Map<String, String> settings) {
        String expected = settings.getOrDefault(VaultMeta.KEY_SOURCE, "file");
        return switch (keySource) {
            case KeySource.KeyFile file -> {
                if (!expected.equals("file")) {
                    throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                            Wording.of("error.vault.needsPassphrase", location.describe()));
                }
                yield settings.containsKey(VaultMeta.KEY_CHECK) ? KeyEncryptionKey.readKeyFile(file.path())
                        : KeyEncryptionKey.createKeyFile(file.path());
            }
            case KeySource.Passphrase passphrase -> {
                if (!expected.equals("passphrase")) {
                    throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                            Wording.of("error.vault.needsKeyFile", location.describe()));
                }
                String[] cost = settings.get(VaultMeta.KEY_COST).split(",");
                yield KeyEncryptionKey.fromPassphrase(passphrase.value(),
                        Base64.getDecoder().decode(settings.get(VaultMeta.KEY_SALT)),
                        new Argon2(Integer.parseInt(cost[0]), Integer.parseInt(cost[1]), Integer.parseInt(cost[2])));
            }
        };
    }

    /**
     * Row-level security does not apply to superusers or to roles with BYPASSRLS, so a vault connected as one would
     * rely on its own queries alone to keep people apart. It refuses to run that way.
     */
    private static void requireOrdinaryRole(Database database) {
        if (!database.isPostgres()) {
            return;
        }
        boolean privileged = database.transaction(connection -> {
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery(
                         "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
                return rows.next() && rows.getBoolean(1);
            }
        });
        if (privileged) {
            throw new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, Wording.of("error.vault.privilegedRole"));
        }
    }

    /**
     * Makes the vault's folder 0700, or tightens the one that is there, and on SQLite creates the empty database 0600
     * before SQLite opens it: SQLite gives its write-ahead log, shared memory and journals the mode of the database
     * file, so the whole vault is private whatever the umask and the folder's mode were.
     */
    private static void createPrivateFolder(VaultLocation location) {
        try {
            PrivateFiles.createFolder(location.folder());
            PrivateFiles.tighten(location.folder());
            if (location.postgres().isEmpty()) {
                PrivateFiles.createFile(location.databaseFile());
            }
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.vault.folderUncreatable",
                    location.folder().toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Takes from the group and others any right a vault made before its files were private gave them, once the key has
     * shown that this is the vault it claims to be: the folder, and on SQLite the database, its log and shared memory.
     */
    private static void makePrivate(VaultLocation location) {
        List<Path> files = location.postgres().isPresent() ? List.of(location.folder())
                : List.of(location.folder(), location.databaseFile(), sibling(location.databaseFile(), "-wal"),
                        sibling(location.databaseFile(), "-shm"), sibling(location.databaseFile(), "-journal"));
        for (Path file : files) {
            try {
                PrivateFiles.tighten(file);
            }
            catch (IOException e) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.vault.notPrivate", file.toString(), String.valueOf(e.getMessage())), e);
            }
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    public People people() {
        return people;
    }

    /** Who signs in as whom at the operator's OpenID Connect provider. */
    public PersonIdentities identities() {
        return identities;
    }

    public Imports imports() {
        return imports;
    }

    /** For the gate: every read of records goes through it. */
    public Records records() {
        return records;
    }

    /** The person's transparency log: what happened to their data, when, by whom and why. */
    public TransparencyLog log() {
        return log;
    }

    /**
     * The vault's signing key, read when the vault opens; a vault created before it existed gets one then. It signs the
     * log's heads and consent receipts.
     */
    /** The keys pseudonyms and paging cursors of recipients are derived from. */
    public SharingKeys sharingKeys() {
        return sharingKeys;
    }

    public VaultSigningKey signingKey() {
        return signingKey;
    }

    public Erasure erasure() {
        return erasure;
    }

    public Restoration restoration() {
        return restoration;
    }

    public OwnerSessions sessions() {
        return sessions;
    }

    /** Codes and tokens held by recipients, and the secrets of organizations that push data back. */
    /** The auditors each person named for their log, and the tokens that open its heads and proofs to them. */
    public LogAuditors auditors() {
        return auditors;
    }

    public OAuthTokens oauthTokens() {
        return oauthTokens;
    }

    public Recipients recipients() {
        return recipients;
    }

    /** For the gate: grants are given and withdrawn through it, after their terms are checked. */
    public Grants grants() {
        return grants;
    }

    /** The signed receipts of grants given and withdrawn. */
    public ConsentReceiptArchive receipts() {
        return receipts;
    }

    /** The column mappings people made for CSV files no importer knows, by the layout they read. */
    public CsvMappings csvMappings() {
        return csvMappings;
    }

    /** The organizations people added to the rights desk's directory or corrected in it, sealed. */
    /** The person's corrections of the places found in their locations. */
    public PlaceCorrections placeCorrections() {
        return placeCorrections;
    }

    /** The person's corrections of the payments and income found coming back in their bank lines. */
    public RecurringCorrections recurringCorrections() {
        return recurringCorrections;
    }

    public RightsOrganizations rightsOrganizations() {
        return rightsOrganizations;
    }

    /** The rights desk's requests to organizations, their steps and documents, and its settings. */
    public RightsRequests rightsRequests() {
        return rightsRequests;
    }

    /** The identity documents people chose to enclose with their drafted rights requests, sealed. */
    public RightsIdentityDocuments rightsIdentityDocuments() {
        return rightsIdentityDocuments;
    }

    /** For tests that work inside a transaction of their own. */
    Database database() {
        return database;
    }

    public VaultLocation location() {
        return location;
    }

    /** Where uploads, archives being written and other files in progress wait, sealed; see {@link InProgressFiles}. */
    public InProgressFiles inProgress() {
        return inProgress;
    }

    public boolean isPostgres() {
        return database.isPostgres();
    }

    /** Where the vault, and what works over it, count what they do for the operator: never anything of a person's. */
    public MeterRegistry meters() {
        return meters;
    }

    /**
     * Whether the vault's database answers a trivial query within the timeout, for a readiness probe: false rather than
     * an exception, since the probe says only whether to send requests here, never why not.
     */
    public boolean answers(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        return database.answers(timeout);
    }

    /** What the person holds: sources, batches, and per source and type the count and time covered. */
    public VaultStatus status(PersonId person) {
        Person found = people.get(person);
        List<VaultStatus.Coverage> coverage = database.read(person, connection -> database.dsl(connection)
                .select(SOURCE_ID, TYPE, RECORDS_COUNT, FIRST_START, LAST_END)
                .from(COVERAGE)
                .where(PERSON_ID.eq(person.value()))
                .orderBy(SOURCE_ID, TYPE)
                .fetch(row -> new VaultStatus.Coverage(SourceId.of(row.value1()), RecordType.fromId(row.value2()),
                        new VaultStatus.Totals(row.value3(), row.value4() == TimeColumns.NO_FIRST_START ? Optional.empty()
                                : Optional.of(TimeSpan.ofEpochMillis(row.value4(), row.value5()))))));
        return new VaultStatus(found, imports.sources(person), imports.batchCount(person), coverage);
    }

    /**
     * Gives every source of the person a new key for what is sealed from now on; what was sealed before still opens
     * with the earlier keys, kept in the same keysets.
     *
     * @return how many sources had their key rotated
     */
    public int rotateKeys(PersonId person) {
        List<SourceId> sources = imports.sources(person).stream().map(source -> source.id()).toList();
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            sources.forEach(source -> keyring.rotate(dsl, person, source, clock.millis()));
            return sources.size();
        });
    }

    /** The first person of the vault, or the one with this handle: what every command acts on. */
    public Person person(Optional<String> handle) {
        if (handle.isPresent()) {
            return people.find(handle.get()).orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                    Wording.of("error.vault.noHandle", handle.get())));
        }
        List<Person> all = people.list();
        if (all.isEmpty()) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.nobody"));
        }
        if (all.size() > 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.vault.whichPerson", all.size()));
        }
        return all.getFirst();
    }

    @Override
    public void close() {
        sessions.close();
        opening.shutdown();
        checkpoints.ifPresent(Checkpoints::close);
        database.close();
    }
}
