package org.selfdata.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives back the PostgreSQL databases a test class was given ({@link TestPostgres#newDatabase}) when the class ends,
 * after its own {@code @AfterAll} and the deletion of its temporary folders: on a Citus cluster they are emptied for the
 * classes that follow, which saves the seconds a cluster takes to make a database; elsewhere nothing is done.
 *
 * <p>Registered for every module's tests through JUnit's extension autodetection, like {@link CorpusAssumption}. A
 * class that shared a database with a later class through a static field would lose it here; none does.
 */
public final class ClassDatabases implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClassDatabases.class);
    private static final String MARK = "mark";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(MARK, TestPostgres.givenSoFar());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Integer mark = context.getStore(NAMESPACE).get(MARK, Integer.class);
        if (mark != null) {
            TestPostgres.releaseGivenSince(mark);
        }
    }
}
