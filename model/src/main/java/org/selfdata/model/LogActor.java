package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Who acted on the data: the person themselves, a recipient under a grant, or one of selfdata's own services. */
public sealed interface LogActor {
    record Owner() implements LogActor {}

    record Recipient(RecipientId id) implements LogActor {
        public Recipient {
            requireNonNull(id, "id is null");
        }
    }

    /** A named part of selfdata acting on its own, such as a scheduled push; the name is a fixed word, never input. */
    record Service(String name) implements LogActor {
        private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

        public Service {
            requireNonNull(name, "name is null");
            if (!FORM.matcher(name).matches()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.serviceName"));
            }
        }
    }
}
