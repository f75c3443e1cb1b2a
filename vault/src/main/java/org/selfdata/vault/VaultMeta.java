package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    static final String CURRENT_FORMAT = "1";

    private VaultMeta() {}

    static void write(DSLContext dsl, Map<String, String> values) {
        values.forEach((name, value) -> dsl.insertInto(VAULT_META).set(META_NAME, name).set(META_VALUE, value).execute());
    }

    static void replace(DSLContext dsl, String name, String value) {
        dsl.update(VAULT_META).set(META_VALUE, value).where(META_NAME.eq(name)).execute();
    }

    /** The settings, or nothing when the database holds no vault_meta table: not a selfdata vault. */
    static Optional<Map<String, String>> read(DSLContext dsl) {
        boolean exists = !dsl.meta().getTables(DSL.name("vault_meta").last()).isEmpty();
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(dsl.select(META_NAME, META_VALUE).from(VAULT_META).fetch().stream()
                .collect(Collectors.toUnmodifiableMap(row -> row.value1(), row -> row.value2())));
    }
}
