package vn.kyso.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.kyso.agency.AgencyService;
import vn.kyso.token.TokenQueries;

@RestController
public class InventoryController {

    private static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')";

    private final Inventory inventory;
    private final TokenQueries tokens;
    private final AgencyService agencies;

    public InventoryController(Inventory inventory, TokenQueries tokens, AgencyService agencies) {
        this.inventory = inventory;
        this.tokens = tokens;
        this.agencies = agencies;
    }

    @GetMapping(value = "/api/v1/agencies/{code}/inventory", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    public Inventory.Report inventory(@PathVariable String code, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return inventory.of(code, from, to);
    }

    /** Who holds what below the agency, one row per token (Accept: text/csv). */
    @GetMapping(value = "/api/v1/agencies/{code}/inventory", produces = "text/csv")
    @PreAuthorize(READERS)
    public void holders(@PathVariable String code, HttpServletResponse response) throws IOException {
        String agency = agencies.get(code).code();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"inventory-" + agency + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        tokens.exportCsv(new TokenQueries.Filter(agency, true, null, null, null, null), writer);
        writer.flush();
    }
}
