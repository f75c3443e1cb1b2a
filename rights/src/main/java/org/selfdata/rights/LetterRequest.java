package org.selfdata.rights;

import org.selfdata.texts.Language;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a request letter is made of. Start from {@link #of} and add what the right needs: the values to rectify, the
 * grounds of an objection, the ground of a restriction; {@link Letters#request} checks that the right has what it
 * needs.
 *
 * @param portability with {@link Right#ACCESS}, whether the data the person provided are also asked under art. 20
 * @param reference the short token the letter's subject carries, so that a reply can be matched ("SD-7K3Q")
 * @param date the day the letter is dated
 * @param chosenLanguage the person's choice, used when the organization's record names neither French nor English
 * @param channel how the letter travels: a request made by electronic means gets its answer in electronic form
 * @param identity the person's values for the elements the organization asks to identify them; the letter carries
 *     those the organization's record asks for, and only those
 * @param identityDocumentAttached whether the person chose to attach an identity document
 * @param grounds the person's grounds: required for an objection under art. 21(1), optional for an erasure
 * @param restrictionGround the ground of art. 18(1) a restriction rests on
 * @param prior for a request to tell the recipients (art. 19), the request whose outcome they are told
 */
public record LetterRequest(Right right, boolean portability, Organization organization, Sender sender,
        String reference, LocalDate date, Language chosenLanguage, Organization.Channel channel,
        SubjectMatter subjectMatter, List<IdentityValue> identity, boolean identityDocumentAttached,
        List<Rectification> rectifications, Optional<String> grounds, Optional<RestrictionGround> restrictionGround,
        Optional<PriorRequest> prior) {
    public LetterRequest {
        requireNonNull(right, "right is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(sender, "sender is null");
        LetterInput.reference(requireNonNull(reference, "reference is null"));
        requireNonNull(date, "date is null");
        requireNonNull(chosenLanguage, "chosenLanguage is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(subjectMatter, "subjectMatter is null");
        identity = List.copyOf(identity);
        rectifications = List.copyOf(rectifications);
        grounds = LetterInput.text(requireNonNull(grounds, "grounds is null"));
        requireNonNull(restrictionGround, "restrictionGround is null");
        requireNonNull(prior, "prior is null");
    }

    /** A request for a right with nothing added: no subject matter, no identity values, no document. */
    public static LetterRequest of(Right right, Organization organization, Sender sender, String reference,
            LocalDate date, Language chosenLanguage, Organization.Channel channel) {
        return new LetterRequest(right, false, organization, sender, reference, date, chosenLanguage, channel,
                SubjectMatter.none(), List.of(), false, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The same request asking also for the portability of the data provided (art. 20), with access. */
    public LetterRequest withPortability() {
        return new LetterRequest(right, true, organization, sender, reference, date, chosenLanguage, channel,
                subjectMatter, identity, identityDocumentAttached, rectifications, grounds, restrictionGround, prior);
    }

    /** The same request about a subject matter. */
    public LetterRequest about(SubjectMatter about) {
        return new LetterRequest(right, portability, organization, sender, reference, date, chosenLanguage, channel,
                about, identity, identityDocumentAttached, rectifications, grounds, restrictionGround, prior);
    }

    /** The same request with the person's values for the elements organizations ask to identify them. */
    public LetterRequest identifiedBy(List<IdentityValue> values) {
        return new LetterRequest(right, portability, organization, sender, reference, date, chosenLanguage, channel,
                subjectMatter, values, identityDocumentAttached, rectifications, grounds, restrictionGround, prior);
    }

    /** The same request with an identity document attached, by the person's choice. */
    public LetterRequest withIdentityDocument() {
        return new LetterRequest(right, portability, organization, sender, reference, date, chosenLanguage, channel,
                subjectMatter, identity, true, rectifications, grounds, restrictionGround, prior);
    }

    /** The same request rectifying these values. */
    public LetterRequest rectifying(List<Rectification> values) {
        return new LetterRequest(right, portability, organization, sender, reference, date, chosenLanguage, channel,
                subjectMatter, identity, identityDocumentAttached, values, grounds, restrictionGround, prior);
    }

    /** The same request with the person's grounds. */
    public LetterRequest withGrounds(String reasons) {
        return new LetterRequest(right, portability, organization, sender, reference, date, chosenLanguage, channel,
                subjectMatter, identity, identityDocumentAttached, rectifications, Optional.of(reasons),
                restrictionGround, prior);
    }

    /** The same request resting on a ground of art. 18(1). */
    public LetterRequest restrictedBecause(RestrictionGround ground) {
        return new LetterRequest(right, portability, organization, sender, reference, date, chosenLanguage, channel,
                subjectMatter, identity, identityDocumentAttached, rectifications, grounds, Optional.of(ground),
                prior);
    }

    /** The same request following an earlier one, whose outcome the recipients are to be told (art. 19). */
    public LetterRequest following(PriorRequest earlier) {
        return new LetterRequest(right, portability, organization, sender, reference, date, chosenLanguage, channel,
                subjectMatter, identity, identityDocumentAttached, rectifications, grounds, restrictionGround,
                Optional.of(earlier));
    }
}
