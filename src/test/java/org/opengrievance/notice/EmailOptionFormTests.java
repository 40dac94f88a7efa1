package org.opengrievance.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Only possible choices are offered: a form field where a person picks how a letter goes offers Email only
 * when an address is on file. form-js 1.8.7 (Tasklist 7.24) cannot hide one option of a select, so the select
 * with Email is hidden unless {@code emailOnFile}, and either a twin without Email ({@code <key>NoEmail}) or a
 * sentence saying the letter is mailed is shown otherwise. Reads the shipped forms.
 */
class EmailOptionFormTests {

    static final String HIDE_WITHOUT_ADDRESS = "=emailOnFile != true";
    static final String HIDE_WITH_ADDRESS = "=emailOnFile = true";
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode form(String name) throws Exception {
        return JSON.readTree(Files.readString(Path.of("processes/forms", name + ".form")));
    }

    static List<JsonNode> fields(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            fields(c.path("components"), into);
        }
        return into;
    }

    static JsonNode field(JsonNode form, String key) {
        return fields(form.path("components"), new ArrayList<>()).stream()
                .filter(c -> key.equals(c.path("key").asText(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key));
    }

    static List<String> options(JsonNode field) {
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    @Test
    void everyEditableChoiceOfferingEmailIsShownOnlyWhenAnAddressIsOnFile() throws Exception {
        int checked = 0;
        try (var files = Files.list(Path.of("processes/forms"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replace(".form", "");
                if (name.equals("grievance-intake")) {
                    continue; // the intake channel says how the complaint arrived, not how a letter goes
                }
                for (JsonNode c : fields(form(name).path("components"), new ArrayList<>())) {
                    if (options(c).contains("EMAIL") && !c.path("readonly").asBoolean(false)) {
                        assertThat(c.path("conditional").path("hide").asText()).as(name + " " + c.path("key"))
                                .isEqualTo(HIDE_WITHOUT_ADDRESS);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("acknowledge-receipt, draft-response, interim-notice, extension-notice").isEqualTo(4);
    }

    @Test
    void withoutAnAddressTheAcknowledgementAndNoticesOfferTheSameChoicesButEmail() throws Exception {
        for (String[] f : new String[][] {{"acknowledge-receipt", "acknowledgedVia"},
                {"interim-notice", "interimNoticeSentVia"}, {"extension-notice", "extensionNoticeSentVia"}}) {
            JsonNode form = form(f[0]);
            JsonNode withEmail = field(form, f[1]);
            JsonNode twin = field(form, f[1] + "NoEmail");
            assertThat(twin.path("conditional").path("hide").asText()).as(f[0]).isEqualTo(HIDE_WITH_ADDRESS);
            List<String> expected = new ArrayList<>(options(withEmail));
            expected.remove("EMAIL");
            assertThat(options(twin)).as(f[0]).isEqualTo(expected).doesNotContain("EMAIL");
            assertThat(twin.path("validate").path("required").asBoolean()).as(f[0]).isTrue();
        }
    }

    @Test
    void withoutAnAddressTheDraftSaysTheResolutionLetterIsMailed() throws Exception {
        JsonNode form = form("draft-response");
        JsonNode note = fields(form.path("components"), new ArrayList<>()).stream()
                .filter(c -> c.path("type").asText().equals("text")
                        && HIDE_WITH_ADDRESS.equals(c.path("conditional").path("hide").asText(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no sentence shown without an address"));
        assertThat(note.path("text").asText()).contains("No email address is on file").contains("**Mail**");
    }
}
