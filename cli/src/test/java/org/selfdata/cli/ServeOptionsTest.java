package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.selfdata.model.SelfdataException;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeOptionsTest {
    @Test
    void uploadsAreLimitedToTwoGibibytesUnlessToldOtherwise() {
        assertThat(parse().settings().maximumUploadBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(parse("--max-upload-mb", "5").settings().maximumUploadBytes()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void anUploadLimitBelowOneMegabyteIsRefused() {
        assertThatThrownBy(() -> parse("--max-upload-mb", "0").settings())
                .isInstanceOf(SelfdataException.class)
                .hasMessage("--max-upload-mb takes a number of megabytes from 1");
    }

    private static ServeOptions parse(String... arguments) {
        ServeOptions options = new ServeOptions();
        new CommandLine(new Holder(options)).parseArgs(arguments);
        return options;
    }

    @CommandLine.Command(name = "serve")
    private static final class Holder {
        @CommandLine.Mixin
        final ServeOptions options;

        Holder(ServeOptions options) {
            this.options = options;
        }
    }
}
