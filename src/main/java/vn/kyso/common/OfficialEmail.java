package vn.kyso.common;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** Official e-mail addresses: well-formed, and in a configured government domain (gov.vn by default). */
@Component
public class OfficialEmail {

    // local part of letters, digits and . _ % + -; a domain of dot-separated labels
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}");

    private final List<String> domains;

    public OfficialEmail(KysoProperties properties) {
        this.domains = properties.subscribers().officialEmailDomains().stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Adds a violation for {@code field} if the address is malformed or outside the official domains. */
    public void check(String email, String field, Violations violations) {
        if (email == null) {
            return;
        }
        if (email.length() > 254 || !SHAPE.matcher(email).matches()) {
            violations.reject(field, "error.email.malformed");
            return;
        }
        String domain = email.substring(email.indexOf('@') + 1);
        if (!domains.isEmpty() && domains.stream().noneMatch(d -> domain.equals(d) || domain.endsWith("." + d))) {
            violations.reject(field, "error.email.notOfficial", String.join(", ", domains));
        }
    }
}
