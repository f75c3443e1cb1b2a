package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Channel;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.util.Arrays;
import java.util.Locale;

/** How a request travels, as the command line names it (email, letter, fax, web-form) and as a person reads it. */
final class RightsChannel {
    private RightsChannel() {}

    /** The channel of this name, or an error that names the option and the names it takes. */
    static Channel parse(String option, String name) {
        return Arrays.stream(Channel.values()).filter(channel -> channel.term().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.rights.command.channel", option)));
    }

    static String say(Words words, Channel channel) {
        return switch (channel) {
            case EMAIL -> words.say("rights.command.channelName.email");
            case LETTER -> words.say("rights.command.channelName.letter");
            case FAX -> words.say("rights.command.channelName.fax");
            case WEB_FORM -> words.say("rights.command.channelName.web-form");
        };
    }
}
