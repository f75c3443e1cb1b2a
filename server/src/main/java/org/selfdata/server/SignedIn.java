package org.selfdata.server;

import org.selfdata.gate.Accessor;
import org.selfdata.model.PersonId;

import static java.util.Objects.requireNonNull;

/** The owner a request comes from, and the session it came with. */
record SignedIn(PersonId person, String sessionToken) {
    SignedIn {
        requireNonNull(person, "person is null");
        requireNonNull(sessionToken, "sessionToken is null");
    }

    Accessor accessor() {
        return Accessor.owner(person);
    }

    @Override
    public String toString() {
        // Never the token: it signs in whoever holds it.
        return "SignedIn[" + person + "]";
    }
}
