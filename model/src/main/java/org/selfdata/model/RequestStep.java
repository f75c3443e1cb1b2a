package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A step of a rights request, as a log entry records it: which request, the status it reached, and the SHA-256 of
 * each document that proves the step (a letter sent, a message or file received). Only ids, a status term and digests:
 * the organization, the person's words and the documents themselves stay sealed in the vault, while the digests let
 * the person prove later, with the log's signed heads, which document existed when.
 *
 * @param request the request's id in the vault
 * @param status the status the request reached, as a term such as "sent" or "answered-incomplete"
 * @param documents the lower-case hexadecimal SHA-256 of each document of the step, in the step's order
 */
public record RequestStep(String request, String status, List<String> documents) {
    private static final Pattern REQUEST = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern STATUS = Pattern.compile("[a-z]{1,24}(-[a-z]{1,24}){0,3}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public RequestStep {
        if (request == null || !REQUEST.matcher(request).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.requestStepId"));
        }
        if (status == null || !STATUS.matcher(status).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.requestStepStatus"));
        }
        documents = List.copyOf(requireNonNull(documents, "documents is null"));
        for (String digest : documents) {
            if (!SHA256.matcher(digest).matches()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.sha256Digits"));
            }
        }
    }
}
