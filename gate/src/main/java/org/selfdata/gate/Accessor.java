package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;

import static java.util.Objects.requireNonNull;

/**
 * Who is asking for a person's data: the person themselves, who holds an implicit full grant, or a recipient holding
 * one grant of theirs. Every switch over accessors has to say what each may see.
 */
public sealed interface Accessor {
    /** The person whose data it is. */
    PersonId person();

    record Owner(PersonId person) implements Accessor {
        public Owner {
            requireNonNull(person, "person is null");
        }
    }

    /** A recipient, with the grant its token is bound to, as found when the request came in. */
    record Recipient(PersonId person, Grant grant) implements Accessor {
        public Recipient {
            requireNonNull(person, "person is null");
            requireNonNull(grant, "grant is null");
            if (!grant.person().equals(person)) {
                throw new SelfdataException(ErrorCode.INTERNAL, "a recipient's grant belongs to another person");
            }
        }
    }

    static Accessor owner(PersonId person) {
        return new Owner(person);
    }
}
