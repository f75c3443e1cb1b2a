package org.selfdata.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Skips the SQLite cases of tests run on each engine, when {@code -Dselfdata.test.postgresOnly=true} says that only the
 * PostgreSQL ones are wanted: CI's passes on other PostgreSQL versions and on a Citus cluster, which follow a build
 * that ran every case. A case is known by its name, or that of the run of its class it belongs to, which names the
 * engine ({@code engine=SQLITE}). Skipping the case itself, rather than refusing its vault, spares its
 * set-up and tear-down, which expect a vault.
 */
public final class PostgresOnly implements ExecutionCondition {
    static final String PROPERTY = "selfdata.test.postgresOnly";
    private static final Pattern SQLITE = Pattern.compile("\\bSQLITE\\b");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.getBoolean(PROPERTY) && onSqlite(context)) {
            return ConditionEvaluationResult.disabled("only the PostgreSQL cases run here (-D" + PROPERTY + "=true)");
        }
        return ConditionEvaluationResult.enabled("every engine's cases run");
    }

    /** Whether the case, or the run of its class it belongs to, is named after SQLite. */
    private static boolean onSqlite(ExtensionContext context) {
        for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
            if (SQLITE.matcher(at.get().getDisplayName()).find()) {
                return true;
            }
        }
        return false;
    }
}
