package org.selfdata.cli;

import org.selfdata.importers.CsvMappingGuess;
import org.selfdata.importers.Sniff;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to say of a file no importer recognizes when its first rows read as bank transactions: the column mapping
 * they suggest, as a mapping file to save, check and pass with {@code --mapping}. A refusal that ends in a dead end
 * becomes one that says the next step.
 */
final class MappingSuggestion {
    private MappingSuggestion() {}

    /** The hint and the mapping file's text, or nothing when the file is no delimited text of dates and amounts. */
    static Optional<String> of(Path file, Language language) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(Sniff.HEAD_SIZE);
        }
        catch (IOException e) {
            return Optional.empty();
        }
        return CsvMappingGuess.of(head).map(guess -> Words.of(language).say("command.import.suggestMapping",
                String.valueOf(file.getFileName()), mappingFile(file), file.toString()) + "\n" + guess.mapping().properties());
    }

    /** The file's name with {@code .properties} for its extension: releve.csv suggests releve.properties. */
    private static String mappingFile(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".properties";
    }
}
