package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.AccessItem;
import org.selfdata.rights.Checklist;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * The checklist of an access answer: each item of art. 15(1)(a) to (h), 15(2) and 15(3), ticked when the person found
 * it in the answer. Ticking replaces what was ticked before; the reminder names the items left unticked.
 */
@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = "Show what an answer to an access request must hold (art. 15) and what you found in it; tick the "
                + "items present with --present.")
final class RightsChecklistCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--present", paramLabel = "ITEMS",
            description = "The items the answer holds, separated by commas, in place of those ticked before: purposes, "
                    + "categories, recipients, storage-period, rights, complaint, source, automated-decisions, "
                    + "transfer-safeguards, copy; an empty list unticks them all.")
    Optional<String> present = Optional.empty();

    RightsChecklistCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Optional<Set<AccessItem>> ticked = present.map(RightsChecklistCommand::items);
        RightsRequest asked;
        Checklist checklist;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            String id = RightsDesks.requestId(desk, person.id(), request);
            asked = desk.request(person.id(), id).timeline().request();
            if (asked.right() != Right.ACCESS) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.rights.command.checklistNotAccess", asked.reference()));
            }
            ticked.ifPresent(items -> desk.tick(person.id(), id, items));
            checklist = desk.checklist(person.id(), id);
        }
        print(terminal.out(), environment.words(), asked, checklist);
        return ExitCodes.DONE;
    }

    /** Items found in the answer but not yet confirmed are ticked and say so, for the person to confirm or untick. */
    private static void print(PrintStream out, Words words, RightsRequest asked, Checklist checklist) {
        Set<AccessItem> missing = checklist.missing();
        out.println(words.say("rights.command.checklist.title", asked.reference(), AccessItem.values().length
                - missing.size(), AccessItem.values().length));
        for (AccessItem item : AccessItem.values()) {
            String found = checklist.prefilled().contains(item) ? " " + words.say("rights.command.checklist.found") : "";
            out.println((missing.contains(item) ? "  [ ] " : "  [x] ") + item.term() + "  "
                    + item.label(words.language()) + found);
        }
    }

    private static Set<AccessItem> items(String list) {
        Set<AccessItem> items = EnumSet.noneOf(AccessItem.class);
        for (String name : list.split(",")) {
            String term = name.strip().toLowerCase(Locale.ROOT);
            if (!term.isEmpty()) {
                items.add(Arrays.stream(AccessItem.values()).filter(item -> item.term().equals(term)).findFirst()
                        .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                                Wording.of("error.rights.command.accessItem", "--present"))));
            }
        }
        return items;
    }
}
