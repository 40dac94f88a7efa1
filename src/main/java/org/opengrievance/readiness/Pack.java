package org.opengrievance.readiness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.export.FacilityGrievanceLog;
import org.opengrievance.refusal.Refusal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the pack together as one ZIP in memory (never a temporary file: it holds PHI), in one transaction with
 * its records in the PHI access log, so that a pack the log could not record is not served.
 */
@Service
class Pack {

    static final String NAME = "readiness-pack";
    static final String POLICY = "policy-settings.csv";
    static final String LATE = "late-cases.csv";

    /** The ZIP and the name it is served under. */
    record Zip(byte[] bytes, String fileName) {
    }

    private final PackCases cases;
    private final FacilityGrievanceLog log;
    private final SentLetters letters;
    private final PolicySettings policy;
    private final LateCases late;
    private final PhiAccessLog accessLog;
    private final FacilityProperties facility;
    private final Clock clock;

    Pack(PackCases cases, FacilityGrievanceLog log, SentLetters letters, PolicySettings policy, LateCases late,
            PhiAccessLog accessLog, FacilityProperties facility, Clock clock) {
        this.cases = cases;
        this.log = log;
        this.letters = letters;
        this.policy = policy;
        this.late = late;
        this.accessLog = accessLog;
        this.facility = facility;
        this.clock = clock;
    }

    /** @throws Refusal (400) when no case names the facility and it is not the one configured */
    @Transactional
    public Zip build(PackRequest r) {
        if (!r.facility().equals(facility.name()) && !cases.knownFacility(r.facility())) {
            throw Refusal.badField("facility", "There is no such facility: name it as the grievance log does.");
        }
        ZoneId zone = facility.zone();
        Instant producedAt = clock.instant();
        accessLog.exportRead(NAME, r.parameters());
        var lo = PackCases.utc(r.start(zone).toInstant());
        var hi = PackCases.utc(r.end(zone).toInstant());
        List<String> numbers = cases.caseNumbers(r.facility(), lo, hi);
        Map<String, byte[]> files = new LinkedHashMap<>();
        FacilityGrievanceLog.Files grievanceLog = log.of(r.from(), r.to(), r.facility(),
                r.parameters() + ";format=csv+xlsx;pack=" + NAME);
        if (grievanceLog.faults().isEmpty()) {
            files.put(grievanceLog.baseName() + ".csv", grievanceLog.csv());
            files.put(grievanceLog.baseName() + ".xlsx", grievanceLog.xlsx());
        } else {
            files.put(grievanceLog.baseName() + "-FAULTS.txt",
                    String.join("\r\n", grievanceLog.faults()).getBytes(StandardCharsets.UTF_8));
        }
        SentLetters.Part sent = letters.of(numbers, zone);
        files.put(POLICY, policy.csv(r.end(zone).toInstant(), zone));
        LateCases.Table lateTable = late.table(cases.lateClocks(r.facility(), lo, hi));
        files.put(LATE, lateTable.csv());
        files.putAll(sent.files());
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put(Readme.FILE, Readme.text(new Readme.Facts(r, zone, producedAt,
                SecurityContextHolder.getContext().getAuthentication().getName(), numbers.size(),
                grievanceLog.baseName(), grievanceLog.caseNumbers().size(), grievanceLog.faults(), sent.sent(),
                sent.failed(), lateTable.rows())));
        zip.putAll(files);
        return new Zip(zip(zip, producedAt), "survey-readiness-pack_" + r.facilitySlug() + "_" + r.from() + "_" + r.to() + ".zip");
    }

    private static byte[] zip(Map<String, byte[]> files, Instant at) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(at.toEpochMilli());
                z.putNextEntry(e);
                z.write(f.getValue());
                z.closeEntry();
            }
            z.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
