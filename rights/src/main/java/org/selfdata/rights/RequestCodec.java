package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RightsRequests;
import tools.jackson.core.JacksonException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JSON the vault keeps sealed for a request and for each of its steps, written with the model's canonical mapper:
 * properties in declaration order, absent values left out, unknown properties refused on reading. Enumerations are
 * written by their terms, days as ISO dates, so that the JSON stays readable in an export.
 */
final class RequestCodec {
    /** A request's details as kept. */
    record RequestJson(String reference, OrganizationJson organization, String right, boolean portability,
            Optional<String> about, String channel, String language) {}

    /** The organization's snapshot as kept. */
    record OrganizationJson(String slug, String name, Optional<String> postalAddress, Optional<String> email,
            Optional<String> fax, Optional<String> webForm) {}

    /**
     * A step's details as kept: the names of its documents in their order, which the vault does not know, and the
     * positions among them of those the evidence pack withholds (left out when there are none).
     */
    record EventJson(String happenedOn, Optional<String> note, List<String> documentNames,
            Optional<List<Integer>> withheld, boolean reasonsGiven) {}

    private RequestCodec() {}

    static String request(String reference, RightsRequest.OrganizationSnapshot organization, Right right,
            boolean portability, Optional<String> about, Organization.Channel channel, Language language) {
        return PayloadCodec.mapper().writeValueAsString(new RequestJson(reference, new OrganizationJson(organization.slug(),
                organization.name(), organization.postalAddress(), organization.email(), organization.fax(),
                organization.webForm()), right.term(), portability, about, channel.term(), language.code()));
    }

    static String event(LocalDate happenedOn, Optional<String> note, List<String> documentNames, List<Integer> withheld,
            boolean reasonsGiven) {
        return PayloadCodec.mapper().writeValueAsString(new EventJson(happenedOn.toString(), note, documentNames,
                withheld.isEmpty() ? Optional.empty() : Optional.of(withheld), reasonsGiven));
    }

    static RightsRequest request(RightsRequests.StoredRequest stored) {
        try {
            RequestJson json = PayloadCodec.mapper().readValue(stored.details(), RequestJson.class);
            OrganizationJson organization = json.organization();
            return new RightsRequest(stored.id(), json.reference(), new RightsRequest.OrganizationSnapshot(
                    organization.slug(), organization.name(), organization.postalAddress(), organization.email(),
                    organization.fax(), organization.webForm()), right(json.right()), json.portability(), json.about(),
                    channel(json.channel()), Language.ofCode(json.language()).orElseThrow(() -> unreadable(stored.id())),
                    stored.createdAt());
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw unreadable(stored.id(), e);
        }
    }

    static RequestEvent event(RightsRequests.StoredEvent stored) {
        try {
            EventJson json = PayloadCodec.mapper().readValue(stored.details(), EventJson.class);
            List<Integer> withheld = json.withheld().orElse(List.of());
            if (json.documentNames().size() != stored.documents().size()
                    || withheld.stream().anyMatch(position -> position < 0 || position >= stored.documents().size())) {
                throw unreadable(stored.request());
            }
            List<RequestEvent.Document> documents = new ArrayList<>();
            for (int position = 0; position < stored.documents().size(); position++) {
                RightsRequests.StoredDocument document = stored.documents().get(position);
                documents.add(new RequestEvent.Document(document.id(), document.sha256(), json.documentNames().get(position),
                        document.mediaType(), document.size(), withheld.contains(position)));
            }
            return new RequestEvent(stored.index(), status(stored.status()), LocalDate.parse(json.happenedOn()),
                    stored.recordedAt(), json.note(), documents, json.reasonsGiven());
        }
        catch (JacksonException | DateTimeException | IllegalArgumentException e) {
            throw unreadable(stored.request(), e);
        }
    }

    private static Right right(String term) {
        return Arrays.stream(Right.values()).filter(right -> right.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown right"));
    }

    private static RequestStatus status(String term) {
        return Arrays.stream(RequestStatus.values()).filter(status -> status.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status"));
    }

    private static Organization.Channel channel(String term) {
        return Arrays.stream(Organization.Channel.values()).filter(channel -> channel.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel"));
    }

    private static SelfdataException unreadable(String request) {
        return new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.rights.request.unreadable", request));
    }

    private static SelfdataException unreadable(String request, Exception cause) {
        return new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.rights.request.unreadable", request), cause);
    }
}
