package org.selfdata.gate;

import tools.jackson.core.JsonGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Where a person was, told no more precisely than a grant allows: an H3 cell, a named area, or nothing known.
 *
 * <p>An area never carries a coordinate, not even its own centre: a centre is a coordinate, and a recipient who got
 * one would hold a point where the grant promised an area.
 */
public sealed interface Area {
    /** Writes this area as a JSON object: {@code {level, code, name}}, {@code {level: "h3", resolution, cell}}. */
    void write(JsonGenerator json);

    /** An H3 cell, by its index in H3's hexadecimal form. */
    record Cell(int resolution, String cell) implements Area {
        public Cell {
            requireNonNull(cell, "cell is null");
        }

        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("level", "h3");
            json.writeNumberProperty("resolution", resolution);
            json.writeStringProperty("cell", cell);
            json.writeEndObject();
        }
    }

    /**
     * A named area: a country (ISO 3166-1 alpha-2 code), a French region or département ({@code FR-} and a code), or
     * a commune (its INSEE code).
     *
     * @param level {@code country}, {@code region}, {@code department} or {@code commune}
     */
    record Named(String level, String code, String name) implements Area {
        public Named {
            requireNonNull(level, "level is null");
            requireNonNull(code, "code is null");
            requireNonNull(name, "name is null");
        }

        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("level", level);
            json.writeStringProperty("code", code);
            json.writeStringProperty("name", name);
            json.writeEndObject();
        }
    }

    /** A point in no country the bundled shapes know: at sea, mostly. */
    record Unknown() implements Area {
        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("level", "unknown");
            json.writeEndObject();
        }
    }
}
