package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected pseudonyms were computed apart, with Python's hmac module and the AES of its cryptography package, under
 * the key 1, 2, ... 32 (and 2, 3, ... 33 for another key).
 */
class PseudonymsTest {
    private static final String IBAN = "FR7630006000011234567890189";

    @Test
    void anIdentifiersPseudonymIsItsTruncatedHmacInBase64url() {
        assertThat(new Pseudonyms(StoredRecords.key(1)).identifier(IBAN)).isEqualTo("GAWUgAYItKyjfgll9MzDMw");
    }

    @Test
    void theSameKeyGivesTheSamePseudonymOnEveryRead() {
        Pseudonyms first = new Pseudonyms(StoredRecords.key(1));
        Pseudonyms second = new Pseudonyms(StoredRecords.key(1));
        assertThat(first.identifier(IBAN)).isEqualTo(first.identifier(IBAN)).isEqualTo(second.identifier(IBAN));
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertThat(new Pseudonyms(StoredRecords.key(2)).identifier(IBAN)).isEqualTo("3yMTI1-Y6LkGMjaBw5rEXQ");
    }

    @Test
    void aRecordIdIsHashedApartFromAnIdentifierSpelledLikeItsToken() {
        RecordId id = new RecordId(RecordType.GEO_POINT, 1_741_952_525_123L, 7);
        Pseudonyms pseudonyms = new Pseudonyms(StoredRecords.key(1));
        assertThat(pseudonyms.record(id)).isEqualTo("eIgWrFpfc2Q3Z7It4a874Q");
        assertThat(pseudonyms.identifier(id.token())).isNotEqualTo("eIgWrFpfc2Q3Z7It4a874Q");
    }

    @Test
    void aRecordIdsPseudonymIsItsStartAndNumberEncryptedUnderItsTypesKey() {
        RecordId id = new RecordId(RecordType.GEO_POINT, 1_741_952_525_123L, 7);
        Pseudonyms pseudonyms = new Pseudonyms(StoredRecords.key(1));

        assertThat(pseudonyms.record(new RecordId(RecordType.GEO_POINT, 1_741_952_525_123L, 8)))
                .isEqualTo("3oGjWCBpIXI-JQFEeWg7yA");
        assertThat(pseudonyms.record(new RecordId(RecordType.GEO_VISIT, 1_741_952_525_123L, 7)))
                .isEqualTo("NstStHS0TRh8dKNKTS1tMw");
        assertThat(new Pseudonyms(StoredRecords.key(2)).record(id)).isEqualTo("O93zSS6vak370ROCK2GJuQ");
    }

    @Test
    void theKeyChangedAfterwardsDoesNotChangeThePseudonyms() {
        byte[] key = StoredRecords.key(1);
        Pseudonyms pseudonyms = new Pseudonyms(key);
        key[0] = 99;
        assertThat(pseudonyms.identifier(IBAN)).isEqualTo("GAWUgAYItKyjfgll9MzDMw");
    }

    @Test
    void aKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new Pseudonyms(new byte[31]))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a pseudonym key is 32 bytes, was 31");
    }
}
