package vn.kyso.agency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A managing body (cơ quan, tổ chức quản lý trực tiếp) in the province's tree. {@code path} holds
 * the codes from the root down, "/LD/SYT/BVDK/", so a subtree is every path with that prefix.
 */
@Table("agency")
public class Agency {
    @Id
    Long id;
    String code;
    String name;
    String searchKey;
    Long parentId;
    String path;
    int depth;
    String taxCode;
    String budgetCode;
    String province;
    String email;
    String address;
    AgencyStatus status;
    Long successorId;
    @Version
    Long version;
    Instant createdAt;
    Instant updatedAt;

    public Long id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public Long parentId() { return parentId; }
    public String path() { return path; }
    public int depth() { return depth; }
    public String taxCode() { return taxCode; }
    public String budgetCode() { return budgetCode; }
    public String province() { return province; }
    public String email() { return email; }
    public String address() { return address; }
    public AgencyStatus status() { return status; }
    public Long successorId() { return successorId; }
    public Long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** The parent's code, read from the path: no query needed. */
    public String parentCode() {
        String[] parts = path.split("/");
        return parts.length >= 3 ? parts[parts.length - 2] : null;
    }

    public boolean isWithin(String ancestorPath) {
        return path.startsWith(ancestorPath);
    }
}
