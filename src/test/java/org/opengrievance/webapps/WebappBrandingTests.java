package org.opengrievance.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Tasklist, Cockpit and Admin carry the organisation's name (their scripts/config.js, served from the
 * application's classpath instead of the webjar's), and no webapp shows the Community Edition's end-of-life
 * banner (styles/user-styles.css, which each webapp's page loads).
 */
@GrievanceAppTest
class WebappBrandingTests {

    static final String VENDOR = "Grievances · Mercy General Hospital";

    @Autowired TestUsers users;
    @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps;

    record Answer(int status, String body) {
    }

    Answer get(String path) {
        return users.anonymous().get().uri(webapps + path).exchange((req, res) -> new Answer(
                res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} carries the organisation's name")
    @ValueSource(strings = {"tasklist:Tasklist", "cockpit:Cockpit", "admin:Admin"})
    void eachWebappCarriesTheOrganisationsName(String appAndName) {
        String app = appAndName.split(":")[0];
        Answer config = get("/app/" + app + "/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("vendor: '" + VENDOR + "'")
                .contains("name: '" + appAndName.split(":")[1] + "'")
                // still the webjar's module with its defaults
                .contains("export default {");
        if (app.equals("tasklist")) {
            assertThat(config.body()).contains("claimTask").contains("startProcess");
        }
    }

    @ParameterizedTest(name = "{0} hides the end-of-life banner")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void noWebappShowsTheCommunityEditionBanner(String app) {
        // the page loads the stylesheet...
        Answer page = get("/app/" + app + "/default/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("styles/user-styles.css");
        // ...which hides the banner by the class the webapp's own bundle gives it
        Answer bundle = get("/app/" + app + "/camunda-" + app + "-bootstrap.js");
        assertThat(bundle.body()).contains("class=\"ce-eol-banner\"");
        Answer styles = get("/app/" + app + "/styles/user-styles.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.body().replaceAll("\\s+", " "))
                .containsPattern("\\.ce-eol-banner \\{ display: none !important; \\}");
    }
}
