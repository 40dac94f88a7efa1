package org.opengrievance.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's SMTP catcher: an embedded GreenMail server on the port the letters are sent to
 * ({@code spring.mail.port}, 1025), on the loopback address, keeping what it receives in memory so a newcomer
 * can read it at {@code GET /api/outbox}. Only in the {@code demo} profile (the default of
 * {@code ./mvnw spring-boot:run}) with {@code grievance.demo.mail-catcher.enabled}; never in {@code postgres}.
 * When the port is taken (Mailpit of docker-compose.yml, say), the letters go there and this says so once.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "grievance.demo.mail-catcher.enabled", havingValue = "true")
public class DemoMailCatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailCatcher.class);

    /** A caught message as the outbox shows it: who, what, when, and the attachments' names. */
    public record CaughtMessage(List<String> to, String subject, Instant receivedAt, List<String> attachments) {
    }

    private final int port;
    private volatile GreenMail server;

    public DemoMailCatcher(@Value("${spring.mail.port:1025}") int port) {
        this.port = port;
    }

    @Override
    public synchronized void start() {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            mail.start();
            server = mail;
            LOG.info("Demo mail catcher listening on 127.0.0.1:{}; caught letters: GET /api/outbox", port);
        } catch (RuntimeException portTaken) {
            LOG.warn("Demo mail catcher could not listen on port {} (another mail catcher?); letters go to that one", port);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Every message caught since start, oldest first (empty when the catcher could not start). */
    public List<CaughtMessage> messages() {
        GreenMail mail = server;
        if (mail == null) {
            return List.of();
        }
        List<CaughtMessage> all = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            all.add(caught(m));
        }
        return all;
    }

    private static CaughtMessage caught(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            List<String> attachments = new ArrayList<>();
            if (m.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Part part = multipart.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                        attachments.add(part.getFileName());
                    }
                }
            }
            Instant at = m.getReceivedDate() != null ? m.getReceivedDate().toInstant()
                    : m.getSentDate() != null ? m.getSentDate().toInstant() : null;
            return new CaughtMessage(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    m.getSubject(), at, attachments);
        } catch (Exception unreadable) {
            return new CaughtMessage(List.of(), "(unreadable message)", null, List.of());
        }
    }
}
