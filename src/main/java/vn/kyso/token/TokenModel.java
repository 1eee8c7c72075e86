package vn.kyso.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("token_model")
public class TokenModel {
    @Id
    Long id;
    String code;
    String vendor;
    String name;
    int pinMinLength;
    int pinMaxLength;
    int maxPinTries;
    Instant createdAt;

    public Long id() { return id; }
    public String code() { return code; }
    public String vendor() { return vendor; }
    public String name() { return name; }
    public int pinMinLength() { return pinMinLength; }
    public int pinMaxLength() { return pinMaxLength; }
    public int maxPinTries() { return maxPinTries; }
}
