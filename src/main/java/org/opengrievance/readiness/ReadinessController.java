package org.opengrievance.readiness;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/readiness-pack?from=YYYY-MM-DD&to=YYYY-MM-DD&facility=...}: the survey-readiness pack
 * as a ZIP, for auditors and the director (security.SecurityConfig, {@code /api/audit/**}). A bad range or an
 * unknown facility is a 400 naming the parameter.
 */
@RestController
class ReadinessController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Pack pack;

    ReadinessController(Pack pack) {
        this.pack = pack;
    }

    @GetMapping("/api/audit/readiness-pack")
    ResponseEntity<byte[]> pack(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String facility) {
        Pack.Zip zip = pack.build(PackRequest.parse(from, to, facility));
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(zip.fileName())
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(zip.bytes());
    }
}
