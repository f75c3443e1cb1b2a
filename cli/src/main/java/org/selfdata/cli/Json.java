package org.selfdata.cli;

import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper of the commands that print JSON, built the first time one does: picocli builds every command at start. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
