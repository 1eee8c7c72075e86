package vn.kyso.certificate;

/**
 * The cases of Decree 68/2024/NĐ-CP, Art. 17, in which a certificate is revoked, each mapped onto
 * the RFC 5280 reason that relying parties see in CRLs and OCSP.
 */
public enum RevocationCase {
    KEY_EXPOSED(RevocationReason.KEY_COMPROMISE, "Khóa bí mật bị lộ", "Private key exposed"),
    TOKEN_LOST(RevocationReason.KEY_COMPROMISE, "Mất thiết bị lưu khóa bí mật", "Token lost"),
    TOKEN_DAMAGED(RevocationReason.CESSATION_OF_OPERATION, "Thiết bị lưu khóa bí mật bị hỏng", "Token damaged"),
    AUTHORITY_REQUEST(RevocationReason.PRIVILEGE_WITHDRAWN,
            "Yêu cầu bằng văn bản của cơ quan tiến hành tố tụng, cơ quan công an", "Written request of police or prosecutors"),
    MANAGING_BODY_REQUEST(RevocationReason.PRIVILEGE_WITHDRAWN,
            "Yêu cầu của cơ quan, tổ chức quản lý trực tiếp", "Request of the managing body"),
    POSITION_CHANGED(RevocationReason.AFFILIATION_CHANGED,
            "Thay đổi vị trí công tác không còn phù hợp", "New position no longer matches"),
    RETIRED(RevocationReason.CESSATION_OF_OPERATION, "Nghỉ hưu", "Retirement"),
    RESIGNED(RevocationReason.CESSATION_OF_OPERATION, "Thôi việc", "Resignation"),
    DECEASED(RevocationReason.CESSATION_OF_OPERATION, "Từ trần", "Death"),
    ORGANIZATION_DISSOLVED(RevocationReason.CESSATION_OF_OPERATION,
            "Tổ chức giải thể, chia tách, sáp nhập", "Organisation dissolved, split or merged"),
    DEVICE_RETIRED(RevocationReason.CESSATION_OF_OPERATION,
            "Thiết bị, dịch vụ, phần mềm chấm dứt hoạt động", "Device, service or software ended"),
    INFORMATION_CHANGED(RevocationReason.SUPERSEDED, "Thay đổi nội dung thông tin", "Information changed"),
    OTHER(RevocationReason.UNSPECIFIED, "Lý do khác", "Other");

    private final RevocationReason reason;
    private final String vi;
    private final String en;

    RevocationCase(RevocationReason reason, String vi, String en) {
        this.reason = reason;
        this.vi = vi;
        this.en = en;
    }

    public RevocationReason reason() {
        return reason;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }
}
