package org.opengrievance.support;

import java.time.OffsetDateTime;

import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.ServiceArea;

/** Intake requests for tests: fictional patients, receipt times fixed relative to the test clock. */
public final class Intakes {

    /** Received on Friday 2026-12-04 at 16:30 in Chicago; the written response is due 2026-12-11 end of day. */
    public static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-12-04T16:30:00-06:00");
    public static final OffsetDateTime DUE = OffsetDateTime.parse("2026-12-11T23:59:59.999-06:00");

    private Intakes() {
    }

    public static IntakeRequest written(Channel channel, ServiceArea area) {
        return new IntakeRequest(channel, RECEIVED, Patients.unique(), "The meals arrived cold three days running.",
                area, false, null, false, false, false, false, false, "en");
    }

    public static IntakeRequest verbalResolved() {
        return new IntakeRequest(Channel.IN_PERSON, RECEIVED, Patients.unique(), "Room too noisy at night.",
                ServiceArea.NURSING, true, "Moved to a quieter room; patient satisfied.", false, false, false, false,
                false, "en");
    }

    public static IntakeRequest abuseAllegation() {
        return new IntakeRequest(Channel.PHONE, RECEIVED, Patients.unique(), "An aide slapped my mother at night.",
                ServiceArea.NURSING, false, null, false, true, false, false, false, "en");
    }
}
