package org.selfdata.vault;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.selfdata.vault.VaultTables.META_NAME;
import static org.selfdata.vault.VaultTables.META_VALUE;
import static org.selfdata.vault.VaultTables.VAULT_META;

/** The vault's own settings: format, how its key is obtained, and the value that checks that key. */
final class VaultMeta {
    static final String FORMAT = "format";
    static final String CREATED_AT = "created_at";
    static final String KEY_SOURCE = "key_source";
    static final String KEY_SALT = "key_salt";
    static final String KEY_COST = "key_cost";
    static final String KEY_CHECK = "key_check";
    static final String SIGNING_KEY = "signing_key";
    static final String SHARING_SECRET = "sharing_secret";
    static final String CURRENT_FORMAT = "1";

    private VaultMeta() {}

    static void write(DSLContext dsl, Map<String, String> values) {
        values.forEach((name, value) -> dsl.insertInto(VAULT_META).set(META_NAME, name).set(META_VALUE, value).execute());
    }

    static void replace(DSLContext dsl, String name, String value) {
        dsl.update(VAULT_META).set(META_VALUE, value).where(META_NAME.eq(name)).execute();
    }

    /**
     * The settings, or nothing when the database holds no vault_meta table: not a selfdata vault. Plain JDBC, since this
     * runs at every start, before anything else needs jOOQ.
     */
    static Optional<Map<String, String>> read(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "vault_meta", new String[] {"TABLE"})) {
            if (!tables.next()) {
                return Optional.empty();
            }
        }
        Map<String, String> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, value FROM vault_meta")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return Optional.of(Map.copyOf(values));
    }
}
