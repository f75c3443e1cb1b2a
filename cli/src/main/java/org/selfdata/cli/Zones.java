package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.time.DateTimeException;
import java.time.ZoneId;

/** The time zone given with {@code --zone}, read once for the commands that add a person. */
final class Zones {
    private Zones() {}

    static ZoneId of(String zone) {
        try {
            return ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "--zone takes a time zone such as Europe/Paris");
        }
    }
}
