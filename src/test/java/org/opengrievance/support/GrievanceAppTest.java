package org.opengrievance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, one Spring context shared by every test class that uses this
 * annotation (one engine, so engine-rest and the tests see the same one). Time comes from {@link MutableClock};
 * {@link SqlRecorder} can note the SQL a piece of work issues.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({GrievanceAppTest.TestClock.class, TestUsers.class, SqlRecorder.class})
public @interface GrievanceAppTest {

    /** Tests start at this instant: a Thursday, 2026-12-10 12:00 in Chicago. */
    Instant NOW = Instant.parse("2026-12-10T18:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }
}
