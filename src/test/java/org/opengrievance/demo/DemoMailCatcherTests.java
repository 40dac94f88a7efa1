package org.opengrievance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Demo mail that arrives: the demo profile's catcher listens where the letters are sent and shows each caught
 * letter (to, subject, time, attachment names) for the outbox. On a free port, with Spring's own mail sender
 * configured as spring.mail configures it.
 */
class DemoMailCatcherTests {

    @Test
    void theDemoCatcherReceivesALetterAndListsItForTheOutbox() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DemoMailCatcher catcher = new DemoMailCatcher(port);
        catcher.start();
        try {
            assertThat(catcher.isRunning()).isTrue();
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(port);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("patient.relations@example.org");
            helper.setTo("pat@example.org");
            helper.setSubject("GRV-2026-000001");
            helper.setText("Please find attached a letter about your concern.");
            helper.addAttachment("GRV-2026-000001-resolution.pdf", new ByteArrayResource(new byte[] {'%', 'P', 'D', 'F'}),
                    "application/pdf");
            java.time.Instant sending = java.time.Instant.now();
            sender.send(message);
            java.time.Instant sent = java.time.Instant.now();

            assertThat(catcher.messages()).hasSize(1);
            DemoMailCatcher.CaughtMessage caught = catcher.messages().get(0);
            assertThat(caught.to()).containsExactly("pat@example.org");
            assertThat(caught.subject()).isEqualTo("GRV-2026-000001");
            assertThat(caught.attachments()).containsExactly("GRV-2026-000001-resolution.pdf");
            // when it was sent (the Date header, to the second), not some other time
            assertThat(caught.receivedAt()).isBetween(sending.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), sent);
        } finally {
            catcher.stop();
        }
        assertThat(catcher.isRunning()).isFalse();
        assertThat(catcher.messages()).isEmpty();
    }
}
