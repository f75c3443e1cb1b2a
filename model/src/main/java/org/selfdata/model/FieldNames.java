package org.selfdata.model;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of payload fields as grants and declarations write them ({@code label}, {@code memo}): bounded and plain, so
 * that a field named by a recipient can be quoted back in a reason or a receipt without quoting anything else.
 */
final class FieldNames {
    static final int MAXIMUM_FIELDS = 50;
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    private FieldNames() {}

    /** True when there are at most {@link #MAXIMUM_FIELDS} names, each a field name such as {@code description}. */
    static boolean areFieldNames(Set<String> names) {
        return names.size() <= MAXIMUM_FIELDS && names.stream().allMatch(name -> FIELD.matcher(name).matches());
    }
}
