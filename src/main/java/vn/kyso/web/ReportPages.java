package vn.kyso.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kyso.common.ApiException;
import vn.kyso.report.Period;
import vn.kyso.report.PeriodReport;
import vn.kyso.report.ReportController;
import vn.kyso.report.ReportPdf;
import vn.kyso.report.ReportRows;

/** The periodic report on a page: choose the half-year or year and the agency, read it, download it. */
@Controller
@RequestMapping("/reports")
class ReportPages {

    private final PeriodReport reports;
    private final ReportRows rows;
    private final ReportPdf pdf;
    private final PageRefusals refusals;
    private final Clock clock;

    ReportPages(PeriodReport reports, ReportRows rows, ReportPdf pdf, PageRefusals refusals, Clock clock) {
        this.reports = reports;
        this.rows = rows;
        this.pdf = pdf;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(AgencyPages.READERS)
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String agency,
            Model model, HttpServletResponse response) {
        String chosen = period == null || period.isBlank() ? lastClosedHalf() : period.strip();
        String code = TokenPages.blankToNull(agency);
        model.addAttribute("periods", periods());
        model.addAttribute("period", chosen);
        model.addAttribute("agency", code);
        try {
            PeriodReport.Figures figures = reports.of(code, Period.parse(chosen));
            model.addAttribute("figures", figures);
            model.addAttribute("rows", rows.of(figures, LocaleContextHolder.getLocale()));
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", refusals.say(e));
        }
        return "reports/page";
    }

    @GetMapping("/report.csv")
    @PreAuthorize(AgencyPages.READERS)
    void csv(@RequestParam String period, @RequestParam(required = false) String agency,
            HttpServletResponse response) throws IOException {
        PeriodReport.Figures figures = reports.of(TokenPages.blankToNull(agency), Period.parse(period));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + ReportController.fileName(figures) + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        rows.csv(figures, LocaleContextHolder.getLocale(), writer);
        writer.flush();
    }

    @GetMapping("/report.pdf")
    @PreAuthorize(AgencyPages.READERS)
    void pdf(@RequestParam String period, @RequestParam(required = false) String agency,
            HttpServletResponse response) throws IOException {
        PeriodReport.Figures figures = reports.of(TokenPages.blankToNull(agency), Period.parse(period));
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + ReportController.fileName(figures) + ".pdf\"");
        response.getOutputStream().write(pdf.render(figures));
    }

    /** The half-year that ended most recently: what a department is usually asked for. */
    private String lastClosedHalf() {
        LocalDate today = LocalDate.now(clock.withZone(Period.VIETNAM_ZONE));
        return today.getMonthValue() <= 6 ? (today.getYear() - 1) + "-H2" : today.getYear() + "-H1";
    }

    record Choice(String value, String label) {
    }

    /** The recent halves and years, newest first, for the chooser. */
    private List<Choice> periods() {
        int year = LocalDate.now(clock.withZone(Period.VIETNAM_ZONE)).getYear();
        List<Choice> periods = new ArrayList<>();
        for (int y = year; y > year - 4; y--) {
            String ys = String.valueOf(y);
            periods.add(new Choice(y + "-H2", refusals.text("reports.half2", ys)));
            periods.add(new Choice(y + "-H1", refusals.text("reports.half1", ys)));
            periods.add(new Choice(ys, refusals.text("reports.year", ys)));
        }
        return periods;
    }
}
