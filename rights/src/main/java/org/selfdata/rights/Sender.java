package org.selfdata.rights;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Who writes: the person as their letters name them. Only what the person chose to give; a letter uses of it what the
 * organization needs to find them (its directory record says what) and no more.
 *
 * @param name the person's name as the organization knows it
 * @param postalAddress lines of the postal address, separated by line breaks
 * @param email the address answers by e-mail go to
 */
public record Sender(String name, Optional<String> postalAddress, Optional<String> email) {
    public Sender {
        requireNonNull(name, "name is null");
        requireNonNull(postalAddress, "postalAddress is null");
        requireNonNull(email, "email is null");
    }
}
