package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.texts.SourceNames;
import org.selfdata.vault.Erasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "erase", mixinStandardHelpOptions = true,
        description = "Destroy a person's data for good, or one source's: the keys first, then the rows. Nothing erased can be "
                + "brought back, from this vault or from any copy of its database.")
final class EraseCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--source", paramLabel = "ID", description = "Erase only this source (its id is in 'selfdata status').")
    Optional<Long> source = Optional.empty();

    @Option(names = "--yes", description = "Do not ask for confirmation (needed when not on a terminal).")
    boolean confirmed;

    EraseCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            Words words = environment.words();
            if (source.isPresent()) {
                SourceId id = SourceId.of(source.get());
                Source found = application.vault().imports().source(person.id(), id)
                        .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                                Wording.of("error.cli.noSource", id.toString())));
                String number = String.valueOf(id.value());
                ErasureConfirmation.require(terminal, words, confirmed, Wording.of("command.erase.source",
                        SourceNames.say(words.language(), found.organization()),
                        SourceNames.say(words.language(), found.label())), number,
                        Wording.of("command.erase.sourceNumber", number));
                terminal.out().println(described(application.vault().erasure().eraseSource(person.id(), id), words));
            }
            else {
                application.vault().erasure().requireErasable(person.id());
                ErasureConfirmation.require(terminal, words, confirmed, Wording.of("command.erase.person", person.handle()),
                        person.handle(), person.handle());
                terminal.out().println(described(application.vault().erasure().erasePerson(person.id()), words));
            }
        }
        return ExitCodes.DONE;
    }

    static String described(Erasure.Report report, Words words) {
        return words.say("command.erase.erased", report.records(), report.sources(), report.batches());
    }
}
