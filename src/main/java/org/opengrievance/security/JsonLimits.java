package org.opengrievance.security;

import java.io.IOException;
import java.time.temporal.Temporal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
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
            // a date-time is an ISO-8601 string, never a count of seconds (Jackson's java.time readers take
            // numbers whatever the coercion settings say)
            mapper.registerModule(new SimpleModule("text-only-times").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                        JsonDeserializer<?> deserializer) {
                    return Temporal.class.isAssignableFrom(bean.getBeanClass()) ? new TextOnlyTime(deserializer)
                            : deserializer;
                }
            }));
        });
    }

    /** Reads a date-time only from a JSON string; a number is the wrong type (a 400 naming the field). */
    static final class TextOnlyTime extends DelegatingDeserializer {

        TextOnlyTime(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnlyTime(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, context);
        }
    }
}
