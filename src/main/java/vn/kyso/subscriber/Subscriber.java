package vn.kyso.subscriber;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A thuê bao: whoever a certificate is issued to, managed by one agency. */
@Table("subscriber")
public class Subscriber {
    @Id
    Long id;
    SubscriberType type;
    Long agencyId;
    String fullName;
    String searchKey;
    String email;
    String nationalId;
    LocalDate nationalIdIssueDate;
    String nationalIdIssuePlace;
    LocalDate dateOfBirth;
    String position;
    String phone;
    String taxCode;
    String budgetCode;
    String address;
    String province;
    SubscriberStatus status;
    @Version
    Long version;
    Instant createdAt;
    Instant updatedAt;

    public Long id() { return id; }
    public SubscriberType type() { return type; }
    public Long agencyId() { return agencyId; }
    public String fullName() { return fullName; }
    public String email() { return email; }
    public String nationalId() { return nationalId; }
    public LocalDate nationalIdIssueDate() { return nationalIdIssueDate; }
    public String nationalIdIssuePlace() { return nationalIdIssuePlace; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public String position() { return position; }
    public String phone() { return phone; }
    public String taxCode() { return taxCode; }
    public String budgetCode() { return budgetCode; }
    public String address() { return address; }
    public String province() { return province; }
    public SubscriberStatus status() { return status; }
    public Long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
