package org.selfdata.rights;

/**
 * Where the last fetch from a mailbox folder stopped: the folder's UIDVALIDITY and the highest UID read (or set aside).
 * A fetch returns messages with a higher UID only; when the server changed the folder's UIDVALIDITY, its UIDs mean
 * something else and the fetch starts again from the first message.
 */
public record FetchPoint(long uidValidity, long lastUid) {
    public FetchPoint {
        if (uidValidity < 0 || lastUid < 0) {
            throw new IllegalArgumentException("UIDVALIDITY and UIDs are not negative");
        }
    }
}
