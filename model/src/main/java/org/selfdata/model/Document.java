package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.selfdata.texts.Wording;

import java.util.Optional;

/**
 * A document the person holds, such as a statement or a contract: its description and, when it could be
 * extracted, its text.
 */
public record Document(
        String title,
        String mediaType,
        @JsonProperty(required = true) long sizeBytes,
        String sha256,
        Optional<String> text) implements Payload {
    public Document {
        Fields.requiredText(title, "title", Fields.SHORT_TEXT);
        Fields.requiredText(mediaType, "mediaType", 255);
        if (sizeBytes < 0) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.sizeNegative"));
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.sha256Digits"));
        }
        text = Fields.optionalText(text, "text", 1_048_576);
    }

    @Override
    public RecordType type() {
        return RecordType.DOCUMENT;
    }
}
