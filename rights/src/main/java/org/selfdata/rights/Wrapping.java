package org.selfdata.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines cut to a width at spaces (a no-break space holds its words together, as French puts one before a colon); a
 * word longer than the line is cut where it must. The lines after the first of a list's item are indented by the
 * item's dash, bullet or number, so that the item hangs from it.
 */
final class Wrapping {
    private static final Pattern HANGING = Pattern.compile("^\u00a0*(?:\u2013|\u2022|\\(?[a-h]\\)|[0-9]+\\.) ");

    private Wrapping() {}

    /** The dash, bullet, letter or number a list's item starts with, space included; empty for a plain paragraph. */
    static String hangingPrefix(String line) {
        Matcher matcher = HANGING.matcher(line);
        return matcher.find() ? matcher.group() : "";
    }

    /**
     * The line cut into lines no wider than {@code width}, the first at full width, the others {@code indent} less.
     */
    static List<String> wrap(String line, double width, double indent, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ", -1)) {
            double available = lines.isEmpty() ? width : width - indent;
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (measure.applyAsDouble(candidate) <= available) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
                available = width - indent;
            }
            String rest = word;
            while (measure.applyAsDouble(rest) > available && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && measure.applyAsDouble(rest.substring(0, cut)) > available) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                available = width - indent;
            }
            current.append(rest);
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
