package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a record's sealed payload holds: its position in the file it came from, then its payload's JSON. The
 * position is sealed with the payload because it tells which line of which statement a record was, and because a
 * column less makes imports faster.
 */
final class Envelope {
    private Envelope() {}

    static byte[] wrap(Position position, byte[] payloadJson) {
        byte[] text = position.value().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + text.length + payloadJson.length)
                .putShort((short) text.length).put(text).put(payloadJson).array();
    }

    record Opened(Position position, byte[] payloadJson) {}

    static Opened unwrap(byte[] envelope) {
        if (envelope.length < 2) {
            throw damaged();
        }
        int length = ((envelope[0] & 0xFF) << 8) | (envelope[1] & 0xFF);
        if (envelope.length < 2 + length || length == 0) {
            throw damaged();
        }
        return new Opened(new Position(new String(envelope, 2, length, StandardCharsets.UTF_8)),
                Arrays.copyOfRange(envelope, 2 + length, envelope.length));
    }

    private static SelfdataException damaged() {
        return new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.vault.envelopeMalformed"));
    }
}
