using System.Globalization;

namespace HybridSpa.EntraEmulator.Errors;

/// <summary>The AADSTS catalogue of entra-protocol.md §6.5 (plus the few request-shape errors Entra returns around it).</summary>
internal static class AadstsErrors
{
    public static AadstsError CodeAlreadyRedeemed() => new(54005, "invalid_grant",
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");

    public static AadstsError GrantExpired() => new(70008, "invalid_grant",
        "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");

    public static AadstsError SpaRefreshTokenExpired(DateTimeOffset issuedOn) => new(700084, "invalid_grant",
        "The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. "
        + "It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on "
        + issuedOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + ".");

    public static AadstsError RefreshTokenInactive(DateTimeOffset lastUsed, TimeSpan maxInactivity) => new(700082, "invalid_grant",
        "The refresh token has expired due to inactivity. The token was issued on "
        + lastUsed.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)
        + " and was inactive for " + maxInactivity.ToString("c", CultureInfo.InvariantCulture) + ".", Suberror: "bad_token");

    public static AadstsError GrantRevoked(DateTimeOffset issuedOn, DateTimeOffset validFrom) => new(50173, "invalid_grant",
        "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '"
        + issuedOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + "' and the TokensValidFrom date (before which tokens are not valid) for this user is '"
        + validFrom.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + "'.");

    public static AadstsError PkceMismatch() => new(501481, "invalid_grant",
        "The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    public static AadstsError PkceRequiredForCrossOrigin() => new(9002325, "invalid_request",
        "Proof Key for Code Exchange is required for cross-origin authorization code redemption.");

    public static AadstsError CrossOriginOnlyForSpa(string origin) => new(9002326, "invalid_request",
        $"Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '{origin}'.");

    // UNCONFIRMED: the `error` value for 9002327 is inferred from the other 9002xxx errors.
    public static AadstsError SpaTokensRequireCrossOrigin() => new(9002327, "invalid_request",
        "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");

    public static AadstsError HybridSpaCodeNotAllowed() => new(9000512, "invalid_request",
        "A Hybrid SPA code can only be requested while redeeming a confidential client authorization code (a code issued to a web-type redirect URI). Do not request a hybrid code otherwise.");

    public static AadstsError InvalidClientSecret(string clientId) => new(7000215, "invalid_client",
        $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.",
        StatusCodes.Status401Unauthorized);

    // UNCONFIRMED: HTTP 401 for 7000218.
    public static AadstsError MissingClientCredential() => new(7000218, "invalid_client",
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", StatusCodes.Status401Unauthorized);

    // UNCONFIRMED: HTTP 401 for 700025.
    public static AadstsError PublicClientPresentedCredential() => new(700025, "invalid_client",
        "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.", StatusCodes.Status401Unauthorized);

    public static AadstsError ReplyAddressRequired() => new(700009, "invalid_grant",
        "Reply address must be provided when presenting an authorization code requested with an explicit reply address.");

    // UNCONFIRMED: status, `error` and code (the historical text is 50011; the modern code may be 500112).
    public static AadstsError ReplyAddressMismatch(string presented, string original) => new(50011, "invalid_grant",
        $"The reply address '{presented}' does not match the reply address '{original}' provided when requesting Authorization code.");

    public static AadstsError RedirectUriNotRegistered(string redirectUri, string clientId) => new(50011, "invalid_request",
        $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'. "
        + "Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");

    public static AadstsError InvalidScope(string scope) => new(70011, "invalid_scope",
        $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");

    public static AadstsError ConsentRequired(string clientId, string appName) => new(65001, "invalid_grant",
        $"The user or administrator has not consented to use the application with ID '{clientId}' named '{appName}'. Send an interactive authorization request for this user and resource.",
        Suberror: "consent_required");

    public static AadstsError ConsentRequiredAtAuthorize(string clientId, string appName) =>
        ConsentRequired(clientId, appName) with { Error = "consent_required", Suberror = null };

    public static AadstsError InteractionRequired() => new(50076, "interaction_required",
        "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.",
        Suberror: "basic_action");

    public static AadstsError LoginRequired() => new(50058, "login_required",
        "A silent sign-in request was sent but no user is signed in.");

    public static AadstsError CodeForOtherTenant() => new(700005, "invalid_grant",
        "Provided Authorization Code is intended to use against other tenant, thus rejected.");

    // The number and text Entra shows a personal account where only organizational accounts are served.
    public static AadstsError PersonalAccountAtOrganizations(string userPrincipalName) => new(500200, "invalid_request",
        $"User account '{userPrincipalName}' is a personal Microsoft account. Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. "
        + "Try signing out and signing back in with an organizational account.");

    // UNCONFIRMED: Entra hands /consumers to the Microsoft account service, which rejects a work account on its own page; number and text are the emulator's.
    public static AadstsError WorkAccountAtConsumers(string userPrincipalName) => new(50020, "invalid_request",
        $"User account '{userPrincipalName}' from identity provider 'https://sts.windows.net/' does not exist in tenant 'Microsoft Services' and cannot access the application in that tenant. "
        + "The /consumers endpoint signs in personal Microsoft accounts only. Use a personal Microsoft account, or the /organizations or tenant-specific endpoint.");

    public static AadstsError MissingParameter(string name) => new(900144, "invalid_request",
        $"The request body must contain the following parameter: '{name}'.");

    // UNCONFIRMED: Entra's answer when the body's client_id and the HTTP Basic user name differ (the generic malformed-request error here).
    public static AadstsError ClientIdMismatch() => new(9002313, "invalid_request",
        "Invalid request. Request is malformed or invalid. The client_id in the request body does not match the user name of the HTTP Basic Authorization header.");

    public static AadstsError MalformedRequest() => new(9002313, "invalid_request",
        "Invalid request. Request is malformed or invalid.");

    // UNCONFIRMED: Entra's exact answer for an unknown or foreign code.
    public static AadstsError InvalidGrant() => new(70000, "invalid_grant", "Provided grant is invalid or malformed.");

    public static AadstsError ClientCredentialsScopeNotDefault(string scope) => new(1002012, "invalid_scope",
        $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    // UNCONFIRMED: the error for client credentials at common / organizations / consumers (the text of 50194, which Entra gives a
    // single-tenant app at /common).
    public static AadstsError ClientCredentialsNeedTenant(string clientId, string appName) => new(50194, "invalid_request",
        $"Application '{clientId}'({appName}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications. Use a tenant-specific endpoint or configure the application to be multi-tenant.");

    // UNCONFIRMED: the text of 90100 (InvalidRequestParameter) for a claims parameter that is not a JSON claims request or is too long.
    public static AadstsError InvalidClaims() => new(90100, "invalid_request", "claims parameter is empty or not valid.");

    public static AadstsError UnsupportedGrantType(string grantType) => new(70003, "unsupported_grant_type",
        $"The app requested an unsupported grant type '{grantType}'.");

    public static AadstsError UnknownApplication(string clientId, string tenant) => new(700016, "unauthorized_client",
        $"Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");

    public static AadstsError TenantNotFound(string tenant) => new(90002, "invalid_tenant",
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

    public static AadstsError OnlyAccepts(string methods, string method) => new(900561, "invalid_request",
        $"The endpoint only accepts {methods} requests. Received a {method} request.");

    public static AadstsError UnsupportedResponseType(string responseType) => new(700054, "unsupported_response_type",
        $"response_type '{responseType}' is not enabled for the application.");

    public static AadstsError InvalidCodeChallenge() => new(501491, "invalid_request", "Invalid size of Code_Challenge parameter.");

    // UNCONFIRMED: the AADSTS number for an unknown code_challenge_method, response_mode or prompt value.
    public static AadstsError InvalidParameterValue(string name) => new(900144, "invalid_request",
        $"The request body must contain the following parameter: '{name}' with a supported value.");

    public static AadstsError UserDeclinedConsent() => new(65004, "access_denied", "User declined to consent to access the app.");

    public static AadstsError AssertionSignatureInvalid() => new(700027, "invalid_client",
        "Client assertion failed signature validation.", StatusCodes.Status401Unauthorized);

    public static AadstsError AssertionCertificateNotRegistered() => new(700027, "invalid_client",
        "The certificate with identifier used to sign the client assertion is not registered on application.", StatusCodes.Status401Unauthorized);

    public static AadstsError AssertionOutsideValidity() => new(700024, "invalid_client",
        "Client assertion is not within its valid time range.", StatusCodes.Status401Unauthorized);

    public static AadstsError AssertionAudienceInvalid() => new(700023, "invalid_client",
        "Client assertion audience claim does not match Realm issuer.", StatusCodes.Status401Unauthorized);

    public static AadstsError AssertionIssuerMismatch() => new(700021, "invalid_client",
        "Client assertion application identifier doesn't match 'client_id' parameter.", StatusCodes.Status401Unauthorized);

    // UNCONFIRMED: the AADSTS number Entra uses for a replayed assertion jti.
    public static AadstsError AssertionReplayed() => new(700024, "invalid_client",
        "Client assertion contains a 'jti' that has already been used.", StatusCodes.Status401Unauthorized);

    public static AadstsError WrongPassword() => new(50126, "invalid_grant", "Error validating credentials due to invalid username or password.");

    public static AadstsError FlowExpired() => new(50089, "invalid_request", "Flow token expired - Authentication Fails. Please try signing in again.");

    public static AadstsError UnknownUser() => new(50034, "invalid_request", "The user account does not exist in this directory.");

    public static AadstsError UnknownInstance() => new(50049, "invalid_instance", "Unknown or invalid instance.");

    public static AadstsError ServerError() => new(500011, "server_error",
        "The emulator could not process the request. See its log for details.", StatusCodes.Status500InternalServerError);
}
