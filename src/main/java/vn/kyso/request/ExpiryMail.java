package vn.kyso.request;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The expiry notice as an e-mail to an agency, in Vietnamese with English below. Spring Boot
 * makes a mail sender only when spring.mail.host is set; without one nothing is sent.
 */
@Component
public class ExpiryMail {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ObjectProvider<JavaMailSender> sender;
    private final ExpirySettings settings;

    public ExpiryMail(ObjectProvider<JavaMailSender> sender, ExpirySettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /** One certificate in the e-mail, with the unit it belongs to. */
    public record Line(String commonName, String serialNumber, String unit, java.time.Instant notAfter, long daysLeft) {
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    public void send(String to, String agencyName, List<Line> certificates, LocalDate today) {
        JavaMailSender mail = sender.getObject();
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject("Chứng thư số sắp hết hạn / Certificates expiring soon: " + agencyName);
            helper.setText(text(agencyName, certificates, today), false);
            mail.send(message);
        } catch (MessagingException e) {
            throw new MailSendException("Cannot compose the expiry notice for " + to, e);
        }
    }

    static String text(String agencyName, List<Line> certificates, LocalDate today) {
        StringBuilder vi = new StringBuilder();
        StringBuilder en = new StringBuilder();
        vi.append("Kính gửi ").append(agencyName).append(",\n\n")
                .append("Tính đến ngày ").append(DATE.format(today)).append(", các chứng thư số sau sắp hết hạn. ")
                .append("Đề nghị cơ quan lập yêu cầu gia hạn (Mẫu 04) trước ngày hết hạn.\n\n");
        en.append("As of ").append(DATE.format(today)).append(", the following certificates expire soon. ")
                .append("Please file a renewal request (Mẫu 04) before they expire.\n\n");
        for (Line c : certificates) {
            String date = DATE.format(LocalDate.ofInstant(c.notAfter(), WorkingCalendar.VIETNAM));
            String name = (c.commonName() == null ? "" : c.commonName() + " — ") + c.unit() + " — ";
            vi.append("- ").append(name).append("số hiệu ").append(c.serialNumber()).append(" — hết hạn ngày ")
                    .append(date).append(" (còn ").append(c.daysLeft()).append(" ngày)\n");
            en.append("- ").append(name).append("serial ").append(c.serialNumber()).append(" — expires on ")
                    .append(date).append(" (").append(c.daysLeft()).append(" days left)\n");
        }
        return vi + "\n" + en + "\nKyso\n";
    }
}
