package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;

import java.util.HashSet;
import java.util.Set;

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
    void anIdentifierKeepsItsPseudonymThroughAPageOfManyOthers() {
        Pseudonyms pseudonyms = new Pseudonyms(StoredRecords.key(1));
        assertThat(pseudonyms.identifier(IBAN)).isEqualTo("GAWUgAYItKyjfgll9MzDMw");
        Set<String> others = new HashSet<>();
        for (int other = 0; other < 3_000; other++) {
            others.add(pseudonyms.identifier("device-" + other));
        }

        assertThat(others).hasSize(3_000).doesNotContain("GAWUgAYItKyjfgll9MzDMw");
        assertThat(pseudonyms.identifier(IBAN)).isEqualTo("GAWUgAYItKyjfgll9MzDMw");
        assertThat(pseudonyms.identifier("device-7")).isEqualTo(new Pseudonyms(StoredRecords.key(1)).identifier("device-7"));
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertThat(new Pseudonyms(StoredRecords.key(2)).identifier(IBAN)).isEqualTo("3yMTI1-Y6LkGMjaBw5rEXQ");
    }

    @Test
    void aRecordIdIsHashedApartFromAnIdentifierSpelledLikeItsToken() {
        RecordId id = new RecordId(RecordType.GEO_POINT, 1_741_952_525_123L, 7);
        Pseudonyms pseudonyms = new Pseudonyms(StoredRecords.key(1));
        assertThat(pseudonyms.record(id)).isEqualTo("D5MMenpNhInVqoEpfN4ZEw");
        assertThat(pseudonyms.identifier(id.token())).isNotEqualTo("D5MMenpNhInVqoEpfN4ZEw");
    }

    /** Expected values from {@code openssl enc -aes-256-ecb} under the HMAC-SHA-256 of "record key:" and the type's id. */
    @Test
    void aRecordIdsPseudonymIsItsNumberEncryptedUnderItsTypesKey() {
        RecordId id = new RecordId(RecordType.GEO_POINT, 1_741_952_525_123L, 7);
        Pseudonyms pseudonyms = new Pseudonyms(StoredRecords.key(1));

        assertThat(pseudonyms.record(new RecordId(RecordType.GEO_POINT, 1_741_952_525_123L, 8)))
                .isEqualTo("iyibV04ROYFq1eVd7XbDWA");
        assertThat(pseudonyms.record(new RecordId(RecordType.GEO_VISIT, 1_741_952_525_123L, 7)))
                .isEqualTo("vZRfB0JtiKsu7b4R1ngCBQ");
        assertThat(new Pseudonyms(StoredRecords.key(2)).record(id)).isEqualTo("ccGzGUmJ4e3Z4UGBgd4Vew");
    }

    @Test
    void aRecordsPseudonymDoesNotTellWhenItStarted() {
        Pseudonyms pseudonyms = new Pseudonyms(StoredRecords.key(1));

        assertThat(pseudonyms.record(new RecordId(RecordType.GEO_POINT, 1_741_952_525_123L, 7)))
                .isEqualTo(pseudonyms.record(new RecordId(RecordType.GEO_POINT, 1_741_960_000_000L, 7)));
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
