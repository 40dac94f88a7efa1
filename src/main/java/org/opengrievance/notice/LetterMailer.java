package org.opengrievance.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
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

    void send(String to, String subject, String fileName, byte[] pdf) {
        try {
            MimeMessage message = mail.createMimeMessage();
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
