package vn.kyso.subscriber;

import java.time.Instant;
import java.time.LocalDate;

public record SubscriberView(
        long id,
        SubscriberType type,
        String agencyCode,
        String fullName,
        String email,
        String nationalId,
        LocalDate nationalIdIssueDate,
        String nationalIdIssuePlace,
        LocalDate dateOfBirth,
        String position,
        String phone,
        String taxCode,
        String budgetCode,
        String address,
        String province,
        SubscriberStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static SubscriberView of(Subscriber s, String agencyCode) {
        return new SubscriberView(s.id, s.type, agencyCode, s.fullName, s.email, s.nationalId,
                s.nationalIdIssueDate, s.nationalIdIssuePlace, s.dateOfBirth, s.position, s.phone, s.taxCode,
                s.budgetCode, s.address, s.province, s.status, s.version, s.createdAt, s.updatedAt);
    }
}
