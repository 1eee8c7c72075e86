package vn.kyso.request;

import vn.kyso.support.PostgresContext;

class RequestPathPostgresTest extends PostgresContext implements RequestPath {
}
