package org.opengrievance.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/**
 * What the SMTP server in this JVM received from both nodes. A letter email's subject is the case number
 * and its attachment {@code <case>-<kind>.pdf} (LetterDeliverySteps), so messages can be told apart per letter.
 */
final class Mailbox {

    private final GreenMail mail;

    Mailbox(GreenMail mail) {
        this.mail = mail;
    }

    /** attachment file name -> messages carrying it, over the messages about these cases. */
    Map<String, Integer> attachments(Collection<String> caseNumbers) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (!caseNumbers.contains(m.getSubject())) {
                continue;
            }
            String name = attachmentName(m);
            out.merge(name == null ? "(no attachment) " + m.getSubject() : name, 1, Integer::sum);
        }
        return out;
    }

    long messagesAbout(Collection<String> caseNumbers) throws Exception {
        long n = 0;
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (caseNumbers.contains(m.getSubject())) {
                n++;
            }
        }
        return n;
    }

    private static String attachmentName(MimeMessage m) throws Exception {
        if (!(m.getContent() instanceof Multipart parts)) {
            return null;
        }
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                return part.getFileName();
            }
        }
        return null;
    }
}
