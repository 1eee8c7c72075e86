package vn.kyso.token;

import java.util.Set;

import org.springframework.stereotype.Component;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.common.ApiException;
import vn.kyso.subscriber.Subscriber;

/**
 * Which token a new certificate may be put on: one that can still reach a person, that is not in
 * someone else's hands, and that the subscriber's agency has (or that is still in stock).
 */
@Component
public class TokenLinks {

    private static final Set<TokenState> HELD = Set.of(TokenState.IN_USE, TokenState.LOCKED, TokenState.RESTORE_REQUESTED);

    private final TokenRepository tokens;
    private final AgencyRepository agencies;
    private final AgencyScopes scopes;

    public TokenLinks(TokenRepository tokens, AgencyRepository agencies, AgencyScopes scopes) {
        this.tokens = tokens;
        this.agencies = agencies;
        this.scopes = scopes;
    }

    /** The id of a token the current user may see, or 404. */
    public long visibleId(String serial) {
        String normalized = TokenService.normalizeSerial(serial);
        return tokens.findBySerial(normalized).filter(t -> TokenService.visible(t, scopes.current(), agencies))
                .map(Token::id).orElseThrow(() -> ApiException.notFound("error.token.notFound", normalized));
    }

    /** The id of the token named {@code serial}, checked for {@code subscriber}; null when no token is named. */
    public Long forCertificate(String serial, Subscriber subscriber) {
        if (serial == null || serial.isBlank()) {
            return null;
        }
        String normalized = TokenService.normalizeSerial(serial);
        Token token = tokens.findBySerial(normalized).filter(t -> TokenService.visible(t, scopes.current(), agencies))
                .orElseThrow(() -> ApiException.badField("tokenSerial", "error.token.notFound", normalized));
        if (TokenAction.NEVER_AGAIN_TO_A_PERSON.contains(token.state)) {
            throw ApiException.conflictOn("tokenSerial", "error.token.unusable", token.serial, token.state);
        }
        if (HELD.contains(token.state) && !subscriber.id().equals(token.holderSubscriberId)) {
            throw ApiException.conflictOn("tokenSerial", "error.token.heldByAnother", token.serial);
        }
        if (token.custodianAgencyId != null) {
            Agency custodian = agencies.findById(token.custodianAgencyId).orElseThrow();
            Agency own = agencies.findById(subscriber.agencyId()).orElseThrow();
            if (!own.isWithin(custodian.path())) {
                throw ApiException.conflictOn("tokenSerial", "error.token.otherAgency", token.serial, custodian.code());
            }
        }
        return token.id;
    }
}
