package org.opengrievance.security;

import com.fasterxml.jackson.core.StreamReadConstraints;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits of the application's JSON reading (the project's API): no legitimate request nests deeper than a
 * few levels or holds a text longer than the request body limit. Jackson's defaults (1000 levels, 20 million
 * characters) invite stack and memory exhaustion. A breach is a parse error: a 400 problem.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    static final int MAX_NESTING_DEPTH = 20;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(ApiInputFilter.MAX_BODY_BYTES)
                        .build()));
    }
}
