package vn.kyso.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what one import may bring in: a spreadsheet's rows, a zip's entries and what they
 * inflate to, and the CA certificates offered to path building as issuers.
 */
@ConfigurationProperties("kyso.imports")
public record ImportProperties(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("50000") int maxRows,
        @DefaultValue("20000") int maxZipEntries,
        @DefaultValue("200MB") DataSize maxInflatedSize,
        @DefaultValue("50") int maxCaCertificates) {
}
