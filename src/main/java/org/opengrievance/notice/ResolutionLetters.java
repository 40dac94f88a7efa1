package org.opengrievance.notice;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Bean {@code resolutionLetters}: the approved resolution letters of a case, one per owner (the hospital,
 * and each health plan whose clock runs), as the collection of the multi-instance {@code sendResolutionLetter}.
 */
@Component("resolutionLetters")
public class ResolutionLetters {

    public List<Long> ids(Object commaSeparated) {
        if (commaSeparated == null || commaSeparated.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).map(String::trim).map(Long::valueOf).toList();
    }
}
