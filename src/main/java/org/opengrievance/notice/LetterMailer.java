package org.opengrievance.notice;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a letter as a PDF attachment over SMTP. The body names no patient detail; the letter is the
 * attachment. A failure is thrown, so the async job retries and then raises an incident.
 */
@Component
class LetterMailer {

    private final JavaMailSender mail;
    private final NoticeProperties notices;

    LetterMailer(JavaMailSender mail, NoticeProperties notices) {
        this.mail = mail;
        this.notices = notices;
    }

    private Session session() {
        return mail instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    /** Sends with {@code messageId} as the Message-ID (recorded before the send, so a receipt can be matched). */
    void send(String to, String subject, String fileName, byte[] pdf, String messageId) {
        try {
            MimeMessage message = new MimeMessage(session()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(notices.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText("Please find attached a letter about your concern (" + subject + ").\n\n"
                    + notices.contact().name() + ", " + notices.contact().phone());
            helper.addAttachment(fileName, new ByteArrayResource(pdf), "application/pdf");
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The letter email could not be built", e);
        }
    }
}
