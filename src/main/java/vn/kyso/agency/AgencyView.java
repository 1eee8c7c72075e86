package vn.kyso.agency;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

public record AgencyView(
        String code,
        String name,
        String parentCode,
        List<String> path,
        int level,
        AgencyStatus status,
        String successorCode,
        String taxCode,
        String budgetCode,
        String province,
        String email,
        String address,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static AgencyView of(Agency a, String successorCode) {
        List<String> codes = Arrays.stream(a.path().split("/")).filter(s -> !s.isEmpty()).toList();
        return new AgencyView(a.code(), a.name(), a.parentCode(), codes, a.depth(), a.status(), successorCode,
                a.taxCode(), a.budgetCode(), a.province(), a.email(), a.address(), a.version(), a.createdAt(),
                a.updatedAt());
    }
}
