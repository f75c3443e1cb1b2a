package org.selfdata.importers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values read inside one camt aggregate (a statement, a balance, an entry, a transaction's details), each by its
 * path below the aggregate: {@code Amt}, {@code BookgDt/Dt}, {@code RltdPties/Dbtr/Nm}, and {@code Amt@Ccy} for an
 * amount's currency.
 *
 * <p>The first value of a path is kept, except for unstructured remittance lines ({@code RmtInf/Ustrd}), which repeat
 * by design and are joined. How much is kept is bounded, so that a broken file cannot make one aggregate grow
 * without end.
 */
final class CamtFields {
    static final String REMITTANCE = "RmtInf/Ustrd";

    private static final int MAXIMUM_FIELDS = 512;
    private static final int MAXIMUM_REMITTANCE_LENGTH = 2048;

    private final String path;
    private final int depth;
    private final Map<String, String> values = new HashMap<>();

    CamtFields(String path, int depth) {
        this.path = path;
        this.depth = depth;
    }

    /** The element path of the aggregate, for positions. */
    String path() {
        return path;
    }

    /** How deep the aggregate's element is: the paths of its values start below it. */
    int depth() {
        return depth;
    }

    void put(String relativePath, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (relativePath.equals(REMITTANCE) && values.containsKey(REMITTANCE)) {
            String joined = values.get(REMITTANCE) + " " + value;
            values.put(REMITTANCE, joined.length() <= MAXIMUM_REMITTANCE_LENGTH ? joined
                    : joined.substring(0, MAXIMUM_REMITTANCE_LENGTH));
        }
        else if (values.size() < MAXIMUM_FIELDS) {
            values.putIfAbsent(relativePath, value);
        }
    }

    Optional<String> get(String relativePath) {
        return Optional.ofNullable(values.get(relativePath));
    }

    /** The first of several paths that has a value. */
    Optional<String> first(String... relativePaths) {
        for (String relativePath : relativePaths) {
            Optional<String> value = get(relativePath);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
