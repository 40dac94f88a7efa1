package org.opengrievance.whatif;

import org.opengrievance.refusal.Refusal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/what-if}: the changed table's XML as the raw body ({@code application/xml} or
 * {@code text/xml}), as Modeler saves it. A raw body rather than multipart: the API's input filter reads and
 * replays the body, which a multipart part parser would not see again.
 */
@RestController
class WhatIfController {

    private final WhatIfService whatIf;

    WhatIfController(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    @PostMapping(path = "/api/what-if", consumes = {"application/xml", "text/xml"})
    WhatIfAnswer run(@RequestBody(required = false) byte[] table) {
        if (table == null || table.length == 0) {
            throw Refusal.badField("file", "Send the changed decision table's DMN file as the request body.");
        }
        return whatIf.run(table);
    }
}
