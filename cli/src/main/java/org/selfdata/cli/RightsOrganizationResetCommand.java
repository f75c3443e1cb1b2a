package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.PersonOrganizations;
import org.selfdata.texts.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** Removes the person's own version of an organization: the directory's entry is used again, if it has one. */
@Command(name = "organization-reset", mixinStandardHelpOptions = true,
        description = "Remove your own version of an organization: the directory's entry is used again, and an "
                + "organization you added is gone.")
final class RightsOrganizationResetCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "SLUG", description = "The organization's slug, as 'selfdata rights organizations' lists it.")
    String slug;

    RightsOrganizationResetCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        boolean inDirectory;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            PersonOrganizations organizations = RightsDesks.open(application).organizations();
            if (!organizations.remove(person.id(), slug)) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.command.noOwnOrganization",
                        slug));
            }
            inDirectory = organizations.inDirectory(slug);
        }
        terminal.out().println(environment.words().say(inDirectory ? "rights.command.organizationReset.restored"
                : "rights.command.organizationReset.removed", slug));
        return ExitCodes.DONE;
    }
}
