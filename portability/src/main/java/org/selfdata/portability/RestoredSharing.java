package org.selfdata.portability;

import org.selfdata.model.Grant;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.vault.Vault;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a restore's report says of the person's sharing: how many grants came back, how many are still given (their
 * apps must authorize again, since no code, token or secret travels in an archive), and how many of the recipients
 * they name await the operator's admission before they can act again.
 *
 * @param given grants still given at the time asked about: each app holding one has lost its tokens
 * @param awaitingAdmission recipients of the person's grants that this vault's operator has not admitted
 */
public record RestoredSharing(int grants, int given, int awaitingAdmission) {
    public static RestoredSharing of(Vault vault, PersonId person, Instant now) {
        List<Grant> grants = vault.grants().list(person);
        Set<RecipientId> recipients = grants.stream().map(grant -> grant.terms().recipient()).collect(Collectors.toSet());
        int given = (int) grants.stream().filter(grant -> grant.status(now) == GrantStatus.GIVEN).count();
        int awaiting = (int) recipients.stream().filter(recipient -> !vault.recipients().isAdmitted(recipient)).count();
        return new RestoredSharing(grants.size(), given, awaiting);
    }
}
