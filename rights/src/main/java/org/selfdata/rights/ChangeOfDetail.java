package org.selfdata.rights;

import org.selfdata.texts.Language;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One change, everywhere: a detail of the person that changed (a move, a new e-mail address, phone number or name),
 * sent as a rectification (art. 16) to every organization that holds the old value.
 */
public record ChangeOfDetail(PersonalDetail detail, String oldValue, String newValue) {
    public ChangeOfDetail {
        requireNonNull(detail, "detail is null");
        requireNonNull(oldValue, "oldValue is null");
        requireNonNull(newValue, "newValue is null");
        Rectification.of(detail, oldValue, newValue);
    }

    /**
     * The rectification request to one organization. An organization finds the person by what it holds, so where it
     * asks for the changed detail to identify them, the letter gives the old value; the sender block carries the
     * person's details as they are now, where the answer is to go.
     */
    public LetterRequest requestTo(Organization organization, Sender sender, List<IdentityValue> identity,
            String reference, LocalDate date, Language chosenLanguage, Organization.Channel channel) {
        List<IdentityValue> values = new ArrayList<>();
        for (Organization.RequiredElement element : organization.requiredElements()) {
            if (element.kind().equals(detail.kind())) {
                values.add(new IdentityValue(element, oldValue));
            }
        }
        identity.stream().filter(value -> !value.element().kind().equals(detail.kind())).forEach(values::add);
        return LetterRequest.of(Right.RECTIFICATION, organization, sender, reference, date, chosenLanguage, channel)
                .identifiedBy(values)
                .rectifying(List.of(Rectification.of(detail, oldValue, newValue)));
    }
}
