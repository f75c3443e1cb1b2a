package org.selfdata.gate;

import org.selfdata.model.PersonId;

import static java.util.Objects.requireNonNull;

/**
 * Who is asking for a person's data. Today only the person themselves, who holds an implicit full grant; recipients
 * acting under a grant will join them, and every switch over accessors will have to say what they may see.
 */
public sealed interface Accessor {
    /** The person whose data it is. */
    PersonId person();

    record Owner(PersonId person) implements Accessor {
        public Owner {
            requireNonNull(person, "person is null");
        }
    }

    static Accessor owner(PersonId person) {
        return new Owner(person);
    }
}
