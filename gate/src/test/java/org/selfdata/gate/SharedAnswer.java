package org.selfdata.gate;

import org.selfdata.model.RecordQuery;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.util.Optional;

/** What a recipient receives for one request through the gate: its page of records as JSON text, and the next cursor. */
record SharedAnswer(String records, Optional<String> next) {
    static SharedAnswer of(Gate gate, Accessor.Recipient recipient, RecordQuery query, Optional<String> cursor) {
        StringWriter text = new StringWriter();
        SharedPage page;
        try (Gate.SharedRead read = gate.share(recipient, query, cursor);
             JsonGenerator json = JsonMapper.builder().build().createGenerator(text)) {
            json.writeStartArray();
            page = read.writeTo(json);
            json.writeEndArray();
        }
        return new SharedAnswer(text.toString(), page.next());
    }
}
