package org.opengrievance.security;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits of the application's JSON reading (the project's API): no legitimate request nests deeper than a
 * few levels or holds a text longer than the request body limit. Jackson's defaults (1000 levels, 20 million
 * characters) invite stack and memory exhaustion. A breach is a parse error: a 400 problem. And no guessing:
 * a number or boolean is not read as a text, a number not as a date-time (with the {@code spring.jackson}
 * settings of application.yaml: no duplicate keys, no trailing tokens, no fraction for a whole number).
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    static final int MAX_NESTING_DEPTH = 20;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(ApiInputFilter.MAX_BODY_BYTES)
                    .build());
            // a text is a JSON string: 42, 4.2 or true for a name is a client's mistake, not a name
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            // a date-time is an ISO-8601 string, never a count of seconds
            mapper.coercionConfigFor(LogicalType.DateTime)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        });
    }
}
