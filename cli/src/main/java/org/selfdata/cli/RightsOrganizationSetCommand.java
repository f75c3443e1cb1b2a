package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization;
import org.selfdata.rights.OrganizationDetails;
import org.selfdata.rights.PersonOrganizations;
import org.selfdata.texts.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The person's own version of an organization: a correction of the directory's entry, or an organization the directory
 * lacks. It starts from the entry the person sees now, so that only the options given change; an option given empty
 * removes what the entry had. The version is checked field by field and kept sealed in the vault.
 */
@Command(name = "organization-set", mixinStandardHelpOptions = true,
        description = "Correct an organization of the directory, or add one it lacks: only the options given change, "
                + "an empty one removes what the entry had, and your version is used in place of the directory's.")
final class RightsOrganizationSetCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "SLUG", description = "The organization's slug: one of the directory's to correct it, or "
            + "a new one of lower-case letters, digits and hyphens to add an organization.")
    String slug;

    @Option(names = "--name", paramLabel = "NAME", description = "The organization's name.")
    Optional<String> name = Optional.empty();

    @Option(names = "--address", paramLabel = "LINES",
            description = "Its postal address for privacy requests, its lines separated by line breaks or by \\n.")
    Optional<String> address = Optional.empty();

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Its e-mail address for privacy requests.")
    Optional<String> email = Optional.empty();

    @Option(names = "--web-form", paramLabel = "URL", description = "The https address of its web form for privacy "
            + "requests.")
    Optional<String> webForm = Optional.empty();

    @Option(names = "--web", paramLabel = "URL", description = "The https address of its website.")
    Optional<String> web = Optional.empty();

    @Option(names = "--phone", paramLabel = "NUMBER", description = "Its telephone number.")
    Optional<String> phone = Optional.empty();

    @Option(names = "--fax", paramLabel = "NUMBER", description = "Its fax number, which requests can be sent to.")
    Optional<String> fax = Optional.empty();

    @Option(names = "--siren", paramLabel = "NUMBER", description = "Its SIREN number, nine digits, with or without "
            + "spaces: a complaint to the CNIL names it.")
    Optional<String> siren = Optional.empty();

    @Option(names = "--language", paramLabel = "CODE", description = "The language requests to it are written in, "
            + "such as fr or en.")
    Optional<String> language = Optional.empty();

    RightsOrganizationSetCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Organization saved;
        boolean correction;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            PersonOrganizations organizations = RightsDesks.open(application).organizations();
            Optional<Organization> current = organizations.directory(person.id()).find(slug);
            if (current.isEmpty() && name.filter(text -> !text.isBlank()).isEmpty()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.rights.command.newOrganization", slug));
            }
            saved = organizations.save(person.id(), slug, changed(current.map(OrganizationDetails::of)
                    .orElse(new OrganizationDetails("", Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))));
            correction = organizations.inDirectory(slug);
        }
        terminal.out().println(environment.words().say(correction ? "rights.command.organizationSet.corrected"
                : "rights.command.organizationSet.added", saved.name(), saved.slug()));
        return ExitCodes.DONE;
    }

    /** The details with each option given in place of the entry's, an empty option removing the entry's. */
    private OrganizationDetails changed(OrganizationDetails details) {
        return new OrganizationDetails(name.map(String::strip).orElse(details.name()),
                given(address, details.postalAddress(), RightsSenderCommand::lines), given(email, details.email()),
                given(phone, details.phone()), given(fax, details.fax()), given(web, details.web()),
                given(webForm, details.webForm()), given(siren, details.siren()), given(language, details.requestLanguage()));
    }

    private static Optional<String> given(Optional<String> option, Optional<String> current) {
        return given(option, current, UnaryOperator.identity());
    }

    private static Optional<String> given(Optional<String> option, Optional<String> current,
            UnaryOperator<String> read) {
        if (option.isEmpty()) {
            return current;
        }
        String text = option.orElseThrow().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(read.apply(text));
    }
}
