package org.opengrievance.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The text part of E7's duplicate rule: token Jaccard over words of three or more letters, function words out. */
class TextSimilarityTests {

    @Test
    void similarityIsTheShareOfWordsTheTwoTextsHaveInCommon() {
        // {meals, arrived, cold, three, days, running} and {meals, arrived, cold}: 3 of 6
        assertThat(TextSimilarity.jaccard("The meals arrived cold three days running.", "Meals arrived COLD!"))
                .isEqualTo(0.5);
        assertThat(TextSimilarity.jaccard("Billing error on the invoice", "The meals arrived cold")).isZero();
        assertThat(TextSimilarity.jaccard("Same words here", "here words same")).isEqualTo(1.0);
    }

    @Test
    void shortWordsFunctionWordsCaseAndAccentsDoNotCount() {
        assertThat(TextSimilarity.words("The nurse was rude to me and it was at night"))
                .containsExactlyInAnyOrder("nurse", "rude", "night");
        assertThat(TextSimilarity.words("Atención MÉDICA tardía")).containsExactlyInAnyOrder("atencion", "medica",
                "tardia");
        // {nurse, rude, night} and {nurse, rude, night, ignored}: 3 of 4
        assertThat(TextSimilarity.jaccard("The nurse was rude at night", "At night the nurse ignored me, rude"))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aTextWithoutWordsIsLikeNothing() {
        assertThat(TextSimilarity.jaccard("!!! ?? a an", "a an !!!")).isZero();
        assertThat(TextSimilarity.jaccard(null, "cold meals")).isZero();
    }
}
