package org.opengrievance.report;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.opengrievance.notice.NoticeProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a report to one director: the PDF and the XLSX as attachments, the Message-ID claimed beforehand. */
@Component
class ReportMailer {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final JavaMailSender mail;
    private final NoticeProperties notices;

    ReportMailer(JavaMailSender mail, NoticeProperties notices) {
        this.mail = mail;
        this.notices = notices;
    }

    void send(String to, String subject, String pdfName, byte[] pdf, String xlsxName, byte[] xlsx, String messageId) {
        try {
            Session session = mail instanceof JavaMailSenderImpl impl ? impl.getSession()
                    : Session.getInstance(new Properties());
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(notices.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(subject + ": the report is attached as PDF and as an Excel workbook. It is also stored "
                    + "in the engine (GET /api/director/reports).");
            helper.addAttachment(pdfName, new ByteArrayResource(pdf), "application/pdf");
            helper.addAttachment(xlsxName, new ByteArrayResource(xlsx), XLSX_TYPE);
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The report email could not be built", e);
        }
    }
}
