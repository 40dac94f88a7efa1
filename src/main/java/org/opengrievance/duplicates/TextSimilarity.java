package org.opengrievance.duplicates;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two complaint texts are: the Jaccard index of their word sets (|A ∩ B| / |A ∪ B|, 0 to 1). A
 * well-known, explainable measure: intake staff can see why two texts matched. Words are letters and digits,
 * case and accents folded; words of one or two characters and a short list of English function words are
 * left out, so that "the" and "was" do not make every two complaints alike.
 */
final class TextSimilarity {

    static final Set<String> STOP_WORDS = Set.of("the", "and", "was", "were", "for", "with", "that", "this", "then",
            "have", "has", "had", "not", "but", "are", "they", "them", "she", "her", "his", "him", "you", "your",
            "our", "from", "there", "their", "what", "when", "been", "very", "all", "any", "who", "which", "would",
            "could", "did", "about", "into", "out", "its");

    private TextSimilarity() {
    }

    static double jaccard(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return (double) both.size() / either.size();
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        if (text == null) {
            return words;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        for (String w : folded.split("[^\\p{L}\\p{Nd}]+")) {
            if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }
}
