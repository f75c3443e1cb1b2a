package org.selfdata.importers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes the mojibake of Facebook and Instagram's "Download your information" JSON, which writes every byte of a
 * string's UTF-8 as its own JSON escape of one character from U+0000 to U+00FF: {@code é} arrives as {@code Ã©}, an
 * emoji as four characters, {@code ð} followed by three C1 control characters.
 *
 * <p>The repair reads a string whose characters all fit in one byte (U+0000 to U+00FF) back as those bytes, and
 * decodes them as strict UTF-8. Where that fails, or changes nothing, the string was not mojibake and stays as it
 * is. Mojibake nearly always shows itself: a C1 control character (U+0080 to U+009F, which no real text holds), or
 * {@code Â} or {@code Ã} followed by a character of U+00A0 to U+00BF (how every Latin-1 letter and symbol comes
 * out). A string without either sign is ambiguous: {@code NESTLÉ®} or {@code 5×£35} are correct text that happens
 * to be well-formed UTF-8 too. Those are repaired only when the result is not one of the ways real text fails:
 * a letter from the phonetic alphabets (what an accented capital and a symbol decode to), a sequence led by the
 * multiplication sign (which stands between numbers), or a no-break space swallowed before a capital letter
 * ({@code SELKÄ EDELLÄ}, where a Finnish word ends before a no-break space).
 */
final class Mojibake {
    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final char MULTIPLICATION_SIGN = '\u00D7';

    private Mojibake() {}

    /** The text as it was written, or the string unchanged when it is not Facebook-style mojibake. */
    static String repair(String text) {
        if (!fitsInOneByte(text)) {
            return text;
        }
        String decoded;
        try {
            decoded = strictUtf8().decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
        }
        catch (CharacterCodingException e) {
            return text;
        }
        if (decoded.equals(text)) {
            return text;
        }
        return showsMojibake(text) || isPlausible(text, decoded) ? decoded : text;
    }

    private static boolean fitsInOneByte(String text) {
        boolean beyondAscii = false;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character > 0xFF) {
                return false;
            }
            beyondAscii |= character >= 0x80;
        }
        return beyondAscii;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A C1 control character, or how a Latin-1 letter or symbol looks once mangled: no correct text looks so. */
    private static boolean showsMojibake(String text) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character >= 0x80 && character <= 0x9F) {
                return true;
            }
            if ((character == 'Â' || character == 'Ã') && index + 1 < text.length()) {
                char next = text.charAt(index + 1);
                if (next >= 0xA0 && next <= 0xBF) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPlausible(String text, String decoded) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == MULTIPLICATION_SIGN) {
                return false;
            }
            if (character == NO_BREAK_SPACE && index + 1 < text.length() && Character.isUpperCase(text.charAt(index + 1))
                    && text.charAt(index + 1) < 0x80) {
                return false;
            }
        }
        return decoded.codePoints().noneMatch(Mojibake::isPhonetic);
    }

    private static boolean isPhonetic(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.IPA_EXTENSIONS || block == Character.UnicodeBlock.PHONETIC_EXTENSIONS
                || block == Character.UnicodeBlock.PHONETIC_EXTENSIONS_SUPPLEMENT;
    }
}
