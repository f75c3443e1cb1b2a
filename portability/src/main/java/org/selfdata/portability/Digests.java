package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The one digest archives use to describe their parts. */
final class Digests {
    private Digests() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "this Java runtime has no SHA-256", e);
        }
    }
}
