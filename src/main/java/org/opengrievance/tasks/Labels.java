package org.opengrievance.tasks;

import java.util.Locale;
import java.util.Map;

/**
 * The words staff read for the codes the models work with (classification, language, regime, department, HCAT
 * category). Forms show {@code <code>Label}, set on each task as it is created ({@link TaskNaming}), instead of
 * the code itself; an unknown code is shown as words ({@code SOME_CODE} becomes "Some code").
 */
public final class Labels {

    /** The code variables that get a label, and the label's variable name. */
    static final Map<String, String> LABELLED = Map.of("suggestedClassification", "suggestedClassificationLabel",
            "classification", "classificationLabel",
            "preferredLanguage", "preferredLanguageLabel", "regime", "regimeLabel", "department", "departmentLabel",
            "hcatCategory", "hcatCategoryLabel");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("GRIEVANCE", "Grievance"), Map.entry("COMPLAINT", "Complaint"),
            Map.entry("NOT_A_GRIEVANCE", "Not a grievance"), Map.entry("INQUIRY", "Inquiry"),
            Map.entry("APPEAL", "Appeal"), Map.entry("COVERAGE_REQUEST", "Coverage request (organization or coverage determination)"),
            Map.entry("en", "English"), Map.entry("es", "Spanish"),
            Map.entry("HOSPITAL_COP", "Hospital (CMS Conditions of Participation)"),
            Map.entry("MEDICARE_ADVANTAGE", "Medicare Advantage"), Map.entry("PART_D", "Medicare Part D"),
            Map.entry("MEDICAID", "Medicaid"), Map.entry("CHIP", "CHIP"),
            Map.entry("nursing", "Nursing"), Map.entry("medical-staff", "Medical staff"),
            Map.entry("patient-financial-services", "Patient financial services"),
            Map.entry("support-services", "Support services"), Map.entry("risk-management", "Risk management"),
            Map.entry("patient-relations", "Patient relations"),
            // HCAT categories as the codeIssue form offers them (also the trend figures' words)
            Map.entry("QUALITY", "Quality"), Map.entry("SAFETY", "Safety"), Map.entry("ENVIRONMENT", "Environment"),
            Map.entry("INSTITUTIONAL_PROCESSES", "Institutional processes"), Map.entry("LISTENING", "Listening"),
            Map.entry("COMMUNICATION", "Communication"), Map.entry("RESPECT_AND_RIGHTS", "Respect and patient rights"));

    private Labels() {
    }

    /** The words for a code (public: the director's trend figures show the same words). */
    public static String of(Object code) {
        String text = String.valueOf(code);
        String word = WORDS.get(text);
        if (word != null) {
            return word;
        }
        String spaced = text.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
