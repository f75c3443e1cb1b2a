package org.selfdata.importers;

/** Decodes the character references OFX 2 (XML) and most OFX 1 producers write: the five XML entities and {@code &#…;}. */
final class Entities {
    private Entities() {}

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        int index = 0;
        while (index < text.length()) {
            char character = text.charAt(index);
            int semicolon = character == '&' ? text.indexOf(';', index) : -1;
            boolean named = semicolon > index && semicolon - index <= 10;
            String replacement = named ? entity(text.substring(index + 1, semicolon)) : null;
            if (replacement == null) {
                decoded.append(character);
                index++;
            }
            else {
                decoded.append(replacement);
                index = semicolon + 1;
            }
        }
        return decoded.toString();
    }

    // A null answer means "not an entity": the ampersand is then kept as written, as SGML readers do.
    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00A0";
            default -> numeric(name);
        };
    }

    private static String numeric(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        try {
            int codePoint = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                    ? Integer.parseInt(name.substring(2), 16)
                    : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : null;
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
