package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.rights.Letter;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Words;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The letters of a request as {@code selfdata rights letter}, {@code reminder} and {@code complaint} give them: the
 * text on standard output, to read or paste, or a PDF for registered post written to a new private file. Nothing is
 * recorded: the person records the letter as posted once it is, with the day it left.
 */
enum RightsLetters {
    /** The request's own letter: the one sent, or the one that would be. */
    REQUEST("rights.command.letter.written") {
        @Override
        Letter text(RightsDesk desk, PersonId person, String request) {
            return desk.letter(person, request);
        }

        @Override
        byte[] pdf(RightsDesk desk, PersonId person, String request) {
            return desk.letterPdf(person, request);
        }
    },
    /** The formal notice that follows an overdue, refused or incomplete answer. */
    REMINDER("rights.command.reminder.written") {
        @Override
        Letter text(RightsDesk desk, PersonId person, String request) {
            return desk.reminder(person, request);
        }

        @Override
        byte[] pdf(RightsDesk desk, PersonId person, String request) {
            return desk.reminderPdf(person, request);
        }
    },
    /** The complaint to the supervisory authority. */
    COMPLAINT("rights.command.complaint.written") {
        @Override
        Letter text(RightsDesk desk, PersonId person, String request) {
            return desk.complaint(person, request);
        }

        @Override
        byte[] pdf(RightsDesk desk, PersonId person, String request) {
            return desk.complaintPdf(person, request);
        }
    };

    private final String writtenKey;

    RightsLetters(String writtenKey) {
        this.writtenKey = writtenKey;
    }

    abstract Letter text(RightsDesk desk, PersonId person, String request);

    abstract byte[] pdf(RightsDesk desk, PersonId person, String request);

    /** Prints the letter of the request, or writes it as a PDF to a file that is not there yet. */
    int print(Terminal terminal, Environment environment, VaultOptions vault, String request, Optional<Path> pdf) {
        String reference;
        Optional<Letter> letter = Optional.empty();
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            String id = RightsDesks.requestId(desk, person.id(), request);
            reference = desk.request(person.id(), id).timeline().request().reference();
            if (pdf.isPresent()) {
                RightsFiles.write("--pdf", pdf.orElseThrow(), pdf(desk, person.id(), id));
            }
            else {
                letter = Optional.of(text(desk, person.id(), id));
            }
        }
        Words words = environment.words();
        if (letter.isPresent()) {
            terminal.out().println(letter.orElseThrow().webFormText());
        }
        else {
            terminal.out().println(words.say(writtenKey, reference,
                    pdf.orElseThrow().toAbsolutePath().normalize().toString()));
        }
        return ExitCodes.DONE;
    }
}
