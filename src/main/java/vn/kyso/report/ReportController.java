package vn.kyso.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Periodic reports: {@code period} is {@code 2026-H1}, {@code 2026-H2} or {@code 2026}, or give
 * {@code from} and {@code to} (whole days); {@code agency} narrows to one agency's subtree.
 */
@RestController
public class ReportController {

    static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')";

    private final PeriodReport reports;
    private final ReportRows rows;
    private final ReportPdf pdf;

    ReportController(PeriodReport reports, ReportRows rows, ReportPdf pdf) {
        this.reports = reports;
        this.rows = rows;
        this.pdf = pdf;
    }

    @GetMapping(value = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    public PeriodReport.Figures json(@RequestParam(required = false) String agency,
            @RequestParam(required = false) String period, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return reports.of(agency, period(period, from, to));
    }

    @GetMapping(value = "/api/v1/reports", produces = "text/csv")
    @PreAuthorize(READERS)
    public void csv(@RequestParam(required = false) String agency, @RequestParam(required = false) String period,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            HttpServletResponse response) throws IOException {
        PeriodReport.Figures figures = reports.of(agency, period(period, from, to));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(figures) + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        rows.csv(figures, LocaleContextHolder.getLocale(), writer);
        writer.flush();
    }

    @GetMapping(value = "/api/v1/reports", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> pdf(@RequestParam(required = false) String agency,
            @RequestParam(required = false) String period, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        PeriodReport.Figures figures = reports.of(agency, period(period, from, to));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(figures) + ".pdf\"")
                .body(pdf.render(figures));
    }

    public static Period period(String period, LocalDate from, LocalDate to) {
        if (period != null && !period.isBlank()) {
            return Period.parse(period);
        }
        if (from == null && to == null) {
            throw vn.kyso.common.ApiException.badField("period", "error.report.period", "");
        }
        return Period.between(from, to);
    }

    public static String fileName(PeriodReport.Figures f) {
        return "bao-cao-" + (f.agencyCode() == null ? "toan-tinh" : f.agencyCode()) + "-"
                + f.period().replace("..", "_");
    }
}
