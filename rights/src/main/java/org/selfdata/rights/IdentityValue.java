package org.selfdata.rights;

import static java.util.Objects.requireNonNull;

/**
 * The person's value for one element an organization asks to identify them ("Customer number": "C-2231-88"). A
 * letter carries it only if the organization's record asks for that element.
 */
public record IdentityValue(Organization.RequiredElement element, String value) {
    public IdentityValue {
        requireNonNull(element, "element is null");
        value = requireNonNull(value, "value is null").strip();
    }
}
