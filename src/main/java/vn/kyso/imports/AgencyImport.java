package vn.kyso.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRequest;
import vn.kyso.agency.AgencyService;

/**
 * Agencies through {@link AgencyService}, row by row inside the file's transaction, so every rule
 * of creating, changing and moving an agency applies as it does for one made by hand, audit entry
 * included. A parent listed in the same file is done before its children, whatever the order of
 * the rows. A column the file does not have, or a blank cell, leaves the stored value alone.
 */
@Component
class AgencyImport implements Importer {

    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt", "path", "level");

    private final AgencyService agencies;
    private final Savepoints savepoints;
    private final Validator validator;
    private final JsonMapper json;
    private final int maxRows;

    AgencyImport(AgencyService agencies, Savepoints savepoints, Validator validator, JsonMapper json,
            ImportProperties properties) {
        this.agencies = agencies;
        this.savepoints = savepoints;
        this.validator = validator;
        this.json = json;
        this.maxRows = properties.maxRows();
    }

    @Override
    public ImportKind kind() {
        return ImportKind.AGENCIES;
    }

    @Override
    public Prepared prepare(byte[] content, String fileName) {
        Table table = Table.read(content, Layout.AGENCIES, maxRows);
        return new Prepared(table.encoding(), table.lines().size(), fileName, table);
    }

    @Override
    public List<PlanRow> run(Prepared file, boolean write, IntConsumer progress) {
        Table table = (Table) file.content();
        Map<String, Table.Line> byCode = new LinkedHashMap<>();
        Map<Integer, PlanRow> results = new HashMap<>();
        for (Table.Line line : table.lines()) {
            String code = AgencyService.normalizeCode(line.get("code"));
            Table.Line first = byCode.putIfAbsent(code, line);
            if (first != null) {
                results.put(line.number(), PlanRow.reject(line.number(), code, "imports.error.duplicateInFile",
                        first.number()));
            }
        }
        Set<String> visiting = new HashSet<>();
        for (Table.Line line : byCode.values()) {
            visit(line, byCode, results, visiting, progress);
        }
        return Rows.byRow(results.values());
    }

    /** Parents first: a row whose parent is further down the file waits for it. */
    private void visit(Table.Line line, Map<String, Table.Line> byCode, Map<Integer, PlanRow> results,
            Set<String> visiting, IntConsumer progress) {
        if (results.containsKey(line.number())) {
            return;
        }
        String code = AgencyService.normalizeCode(line.get("code"));
        String parent = AgencyService.normalizeCode(line.get("parentCode"));
        Table.Line parentLine = parent == null ? null : byCode.get(parent);
        if (parentLine != null && !results.containsKey(parentLine.number())) {
            if (!visiting.add(code)) {
                results.put(line.number(), PlanRow.reject(line.number(), code, "imports.error.agencyCycle", parent));
                return;
            }
            visit(parentLine, byCode, results, visiting, progress);
            visiting.remove(code);
        }
        if (results.containsKey(line.number())) {
            return;
        }
        results.put(line.number(), one(line, code));
        progress.accept(results.size());
    }

    private PlanRow one(Table.Line line, String code) {
        try {
            return savepoints.run(rollback -> {
                Agency existing = agencies.find(code).orElse(null);
                AgencyRequest request = request(line, code, existing);
                check(request);
                if (existing == null) {
                    agencies.create(request);
                    return PlanRow.of(line.number(), code, Outcome.CREATE);
                }
                Map<String, Object> before = summary(existing);
                Agency updated = agencies.update(code, request);
                List<String> changed = Rows.changed(before, summary(updated), BOOKKEEPING);
                if (changed.isEmpty()) {
                    // nothing moved: undo the version bump and the audit entry the update wrote
                    rollback.run();
                    return PlanRow.of(line.number(), code, Outcome.UNCHANGED);
                }
                return PlanRow.of(line.number(), code, Outcome.UPDATE).changing(changed);
            });
        } catch (RuntimeException e) {
            return Rows.refusal(line.number(), code, e);
        }
    }

    private AgencyRequest request(Table.Line line, String code, Agency existing) {
        return new AgencyRequest(code, value(line, "name", existing == null ? null : existing.name()),
                value(line, "parentCode", existing == null ? null : existing.parentCode()),
                value(line, "taxCode", existing == null ? null : existing.taxCode()),
                value(line, "budgetCode", existing == null ? null : existing.budgetCode()),
                value(line, "province", existing == null ? null : existing.province()),
                value(line, "email", existing == null ? null : existing.email()),
                value(line, "address", existing == null ? null : existing.address()), null);
    }

    private static String value(Table.Line line, String column, String stored) {
        return line.has(column) ? line.get(column) : stored;
    }

    /** The API's own field rules (Bean Validation on the request), which the service leaves to the controller. */
    private void check(AgencyRequest request) {
        for (ConstraintViolation<AgencyRequest> violation : validator.validate(request)) {
            throw Rows.invalid(violation.getPropertyPath().toString(), violation.getInvalidValue());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary(Agency agency) {
        return new LinkedHashMap<>(json.convertValue(agencies.view(agency), Map.class));
    }
}
