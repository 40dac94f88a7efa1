package org.opengrievance.letter;

import java.util.Locale;

import org.opengrievance.regime.Regime;

/**
 * The written notices the engine produces. Each kind has one template per supported language:
 * {@code processes/letters/<language>/<template name>.html}.
 */
public enum LetterKind {
    /** Receipt of the grievance (TJC RI.01.07.01 EP6 for hospitals; 438.406 for Medicaid/CHIP plans). */
    ACKNOWLEDGEMENT,
    /** Hospital "still working" notice with the stated follow-up date (CMS-HOSP-7, A-0122). */
    INTERIM,
    /** Plan extension of the response time frame: reasons, new due date, rights (MA-4, PD-1, MCD-6). */
    EXTENSION,
    /** The written decision (CMS-HOSP-8 for hospitals; MA-5/MA-6, PD-1, MCD-7 for plans). */
    RESOLUTION,
    /** Plan notice whether a complaint is handled as a grievance or goes to the appeal process (MA-1, E5). */
    CLASSIFICATION_NOTICE;

    /** The file name of the template without ".html": lower case, words joined by dashes. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether an organisation under this regime sends this kind of letter. */
    public boolean appliesTo(Regime regime) {
        return switch (this) {
            case ACKNOWLEDGEMENT, RESOLUTION -> true;
            case INTERIM -> !regime.isPlan();
            case EXTENSION, CLASSIFICATION_NOTICE -> regime.isPlan();
        };
    }

    /** How staff call this letter in messages. */
    public String label() {
        return switch (this) {
            case ACKNOWLEDGEMENT -> "acknowledgement letter";
            case INTERIM -> "interim (\"still working\") letter";
            case EXTENSION -> "extension notice";
            case RESOLUTION -> "resolution letter";
            case CLASSIFICATION_NOTICE -> "classification notice";
        };
    }
}
