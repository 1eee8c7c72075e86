package vn.kyso.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import vn.kyso.certificate.RevocationCase;
import vn.kyso.common.Messages;

/**
 * The report as rows of figures, each with a stable code for scripts and a label for people; the
 * CSV, the PDF and the page all print these rows, so they cannot disagree.
 */
@Component
public class ReportRows {

    private final Messages messages;

    ReportRows(Messages messages) {
        this.messages = messages;
    }

    public record Row(String section, String code, String label, long value, boolean detail) {
    }

    public List<Row> of(PeriodReport.Figures f, Locale locale) {
        List<Row> rows = new ArrayList<>();
        var c = f.certificates();
        String cs = text("report.section.certificates", locale);
        rows.add(row(cs, "certificates.issued", "report.issued", c.issued(), locale));
        rows.add(row(cs, "certificates.imported", "report.imported", c.imported(), locale));
        rows.add(row(cs, "certificates.renewed", "report.renewed", c.renewed(), locale));
        rows.add(row(cs, "certificates.replaced", "report.replaced", c.replaced(), locale));
        rows.add(row(cs, "certificates.revoked", "report.revoked", c.revoked(), locale));
        details(rows, cs, "certificates.revokedByReason", c.revokedByReason(), 
                key -> label("certificates.reason.", key, locale));
        details(rows, cs, "certificates.revokedByCase", c.revokedByCase(), key -> caseLabel(key, locale));
        rows.add(row(cs, "certificates.expired", "report.expired", c.expired(), locale));
        rows.add(row(cs, "certificates.activeAtEnd", "report.activeAtEnd", c.activeAtEnd(), locale));
        details(rows, cs, "certificates.activeByProfile", c.activeByProfile(),
                key -> label("report.profile.", key, locale));
        details(rows, cs, "certificates.activeByStorage", c.activeByStorage(),
                key -> label("report.storage.", key, locale));
        var t = f.tokens();
        String ts = text("report.section.tokens", locale);
        rows.add(row(ts, "tokens.atEnd", "report.tokensAtEnd", t.atEnd(), locale));
        details(rows, ts, "tokens.byState", t.byState(), key -> label("tokens.state.", key, locale));
        details(rows, ts, "tokens.byModel", t.byModel(), key -> key);
        details(rows, ts, "tokens.moves", t.movesByAction(), key -> label("tokens.action.", key, locale));
        if (f.verifications() != null) {
            String vs = text("report.section.verifications", locale);
            rows.add(row(vs, "verifications.total", "report.verifications", f.verifications().total(), locale));
            details(rows, vs, "verifications.byIndication", f.verifications().byIndication(),
                    key -> label("report.indication.", key, locale));
        }
        return rows;
    }

    /** UTF-8 with a byte-order mark, as Excel wants; one line per figure. */
    public void csv(PeriodReport.Figures f, Locale locale, Writer out) throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("agency", "period", "from", "to", "section", "code", "label", "value").get());
        for (Row r : of(f, locale)) {
            csv.printRecord(f.agencyCode() == null ? "" : f.agencyCode(), f.period(), f.from(), f.to(), r.section(),
                    r.code(), r.label(), r.value());
        }
        csv.flush();
    }

    private static void details(List<Row> rows, String section, String code, Map<String, Long> counts,
            Function<String, String> label) {
        counts.forEach((key, value) -> rows.add(new Row(section, code + "." + key, label.apply(key), value, true)));
    }

    /** A bundle's text for an enum's name; an unknown name is shown as it is rather than as a key. */
    private String label(String prefix, String key, Locale locale) {
        String text = messages.get(prefix + key, locale);
        return text.equals(prefix + key) ? key : text;
    }

    private String caseLabel(String key, Locale locale) {
        return Arrays.stream(RevocationCase.values()).filter(c -> c.name().equals(key)).findFirst()
                .map(c -> locale.getLanguage().equals("en") ? c.en() : c.vi())
                .orElseGet(() -> label("report.case.", key, locale));
    }

    private Row row(String section, String code, String label, long value, Locale locale) {
        return new Row(section, code, text(label, locale), value, false);
    }

    private String text(String key, Locale locale) {
        return messages.get(key, locale);
    }
}
