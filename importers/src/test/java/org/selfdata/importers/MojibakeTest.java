package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mojibake repair against python-ftfy's test cases: real mojibake found in the wild, and correct text that looks
 * like mojibake.
 */
class MojibakeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void repairsTheLettersAndEmojiOfAFacebookExport() {
        assertThat(Mojibake.repair("\u00c3\u0089lodie Cr\u00c3\u00a8me")).isEqualTo("Élodie Crème");
        assertThat(Mojibake.repair("\u00f0\u009f\u0098\u0080")).isEqualTo("😀").hasSize(2);
        assertThat(Mojibake.repair("Cze\u00c5\u009b\u00c4\u0087")).isEqualTo("Cześć");
    }

    @Test
    void leavesTextAloneThatIsNotMojibake() {
        assertThat(Mojibake.repair("plain ASCII")).isEqualTo("plain ASCII");
        assertThat(Mojibake.repair("café")).isEqualTo("café");
        assertThat(Mojibake.repair("déjà 😀")).isEqualTo("déjà 😀");
        assertThat(Mojibake.repair("")).isEmpty();
    }

    @Test
    void leavesAlreadyRepairedTextAsItIs() {
        assertThat(Mojibake.repair(Mojibake.repair("\u00c3\u00a9t\u00c3\u00a9"))).isEqualTo("été");
    }

    /**
     * In scope are the cases written the way Facebook writes: only characters U+0000 to U+00FF (one per byte), whose
     * bytes are well-formed UTF-8. The other cases are mojibake through code pages that map bytes above U+00FF
     * (Windows-1252's {@code €}, Windows-1251, MacRoman, cp437), CESU-8 surrogates, several layers of it, text that
     * lost bytes or mixes encodings, or HTML entities: Facebook writes none of those, and the repair must give them
     * back unchanged rather than guess. The expected text is {@code fixed-encoding} where the case has it, since
     * {@code fixed} also straightens quotes, which is not ours to do.
     */
    @Test
    void repairsEveryCaseOfFacebookStyleMojibakeFoundInTheWild() throws Exception {
        List<String> repaired = new ArrayList<>();
        for (JsonNode testCase : JSON.readTree(Corpus.file("facebook-mojibake/in-the-wild.json"))) {
            String original = testCase.get("original").stringValue();
            if (isFacebookStyle(original)) {
                String expected = testCase.has("fixed-encoding") ? testCase.get("fixed-encoding").stringValue()
                        : testCase.get("fixed").stringValue();
                assertThat(Mojibake.repair(original)).as(testCase.get("label").stringValue()).isEqualTo(expected);
                repaired.add(testCase.get("label").stringValue());
            }
            else {
                assertThat(Mojibake.repair(original)).as(testCase.get("label").stringValue()).isEqualTo(original);
            }
        }
        assertThat(repaired).hasSize(14).contains("Latin-1 / Windows-1252 mixup in Turkish", "Low-codepoint emoji",
                "UTF-8 / Windows-1252 mixup in Vietnamese", "Dutch example with ë");
    }

    @Test
    void leavesEveryCorrectTextThatLooksLikeMojibakeAlone() throws Exception {
        int cases = 0;
        for (JsonNode testCase : JSON.readTree(Corpus.file("facebook-mojibake/negative.json"))) {
            String original = testCase.get("original").stringValue();
            assertThat(Mojibake.repair(original)).as(testCase.get("label").stringValue()).isEqualTo(original);
            cases++;
        }
        assertThat(cases).isEqualTo(31);
    }

    private static boolean isFacebookStyle(String text) {
        if (text.chars().anyMatch(character -> character > 0xFF) || text.chars().allMatch(character -> character < 0x80)) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }
}
