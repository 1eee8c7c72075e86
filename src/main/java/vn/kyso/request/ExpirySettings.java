package vn.kyso.request;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily expiry notices: at how many days before expiry an agency hears of a certificate, and
 * from which address the e-mail goes when spring.mail.host names an SMTP server. The schedule is
 * kyso.expiry-notices.cron (Vietnam time; "-" turns the job off).
 */
@ConfigurationProperties("kyso.expiry-notices")
public record ExpirySettings(
        @DefaultValue({"60", "30", "7"}) List<Integer> thresholds,
        @DefaultValue("kyso@localhost") String from) {

    /** Thresholds from the smallest up, so the first one a certificate is within is its own. */
    public List<Integer> ascending() {
        return thresholds.stream().filter(t -> t != null && t > 0).distinct().sorted().toList();
    }

    public int horizon() {
        List<Integer> sorted = ascending();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    }
}
