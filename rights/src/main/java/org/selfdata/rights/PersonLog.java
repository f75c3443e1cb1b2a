package org.selfdata.rights;

import org.selfdata.model.LogEntry;
import org.selfdata.model.PersonId;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.Vault;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A person's log entries that match, read page after page in the log's order. */
final class PersonLog {
    private PersonLog() {}

    static List<LogEntry> matching(Vault vault, PersonId person, Predicate<LogEntry> wanted) {
        List<LogEntry> entries = new ArrayList<>();
        long after = -1;
        while (true) {
            List<LogEntry> page = vault.log().query(person, LogQuery.all().after(after));
            page.stream().filter(wanted).forEach(entries::add);
            if (page.size() < LogQuery.MAXIMUM_LIMIT) {
                return entries;
            }
            after = page.getLast().index();
        }
    }
}
