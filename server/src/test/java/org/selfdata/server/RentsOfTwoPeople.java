package org.selfdata.server;

import org.selfdata.model.Person;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.coffee;
import static org.selfdata.vault.SyntheticRecords.rent;

/**
 * The bank lines the money routes' tests read: Camille's rent of 480.00 on the 5th of each month from January to May
 * 2025, among coffees; Éloïse's on 5 January and 5 February only, too short a history to call anything a schedule.
 */
final class RentsOfTwoPeople {
    private RentsOfTwoPeople() {}

    /** Imports both people's lines, starts the server and signs Éloïse in: her client. */
    static ApiClient importAndStart(RunningServer running) {
        Vault vault = running.vault();
        Person owner = vault.person(Optional.of("camille"));
        vault.imports().write(owner.id(), new ImportRequest(BANK, "ofx", "releve.ofx"), Stream.concat(
                IntStream.range(0, 5).mapToObj(month -> rent(LocalDate.of(2025, 1 + month, 5), 1 + month)),
                IntStream.range(0, 9).mapToObj(day -> coffee(LocalDate.of(2025, 2, 3).plusDays(day * 3L), 10 + day))));
        Person other = vault.people().create("eloise", TestVaults.PARIS);
        vault.people().setPassword(other.id(), TestServers.PASSWORD.toCharArray());
        vault.imports().write(other.id(), new ImportRequest(BANK, "ofx", "eloise.ofx"),
                Stream.of(rent(LocalDate.of(2025, 1, 5), 1), rent(LocalDate.of(2025, 2, 5), 2)));
        running.start();
        ApiClient eloise = new ApiClient(running.server());
        eloise.signIn("eloise", TestServers.PASSWORD);
        return eloise;
    }
}
