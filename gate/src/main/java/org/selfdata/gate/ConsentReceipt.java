package org.selfdata.gate;

import org.selfdata.model.GrantId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A signed receipt of a grant being given or withdrawn: {@code json} is the ISO/IEC TS 27560 record in JSON-LD with
 * DPV terms, {@code jws} the same signed by the vault (compact JWS, ES256), which is what the person keeps and anyone
 * can check against the vault's published key.
 */
public record ConsentReceipt(String id, GrantId grant, ConsentEvent event, Instant issuedAt, String json, String jws) {
    public ConsentReceipt {
        requireNonNull(id, "id is null");
        requireNonNull(grant, "grant is null");
        requireNonNull(event, "event is null");
        requireNonNull(issuedAt, "issuedAt is null");
        requireNonNull(json, "json is null");
        requireNonNull(jws, "jws is null");
    }
}
