package vn.kyso.request;

import vn.kyso.certificate.RevocationCase;

/** One row of a request as stored; position counts from 1, as on the form. Fields a kind does not use are null. */
public record RequestItem(
        int position,
        Long subscriberId,
        String oldCertificateSerial,
        String certificateSerial,
        String tokenSerial,
        RequestKind.Change change,
        String field,
        String newValue,
        @com.fasterxml.jackson.annotation.JsonProperty("case") RevocationCase revocationCase,
        String identityNumber,
        String collectionContact) {
}
