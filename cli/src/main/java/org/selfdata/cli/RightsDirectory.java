package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.Directory;
import org.selfdata.rights.PersonOrganizations;
import org.selfdata.vault.Vault;

/**
 * The directory of organizations as the person sees it: the one shipped with selfdata, with the organizations the
 * person added or corrected when there is a vault to read them from. Without a vault the shipped directory alone
 * answers, so that anyone can look an organization up before keeping anything.
 */
final class RightsDirectory {
    private RightsDirectory() {}

    static Directory of(VaultOptions options, Environment environment) {
        if (!Vault.exists(options.location(environment))) {
            return Directory.shipped();
        }
        try (Application application = Application.open(options, environment)) {
            Person person = application.person(options, environment);
            return new PersonOrganizations(application.vault().rightsOrganizations(), Directory.shipped())
                    .directory(person.id());
        }
    }
}
