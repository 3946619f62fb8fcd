namespace Conformance.Harness.Requirements;

/// <summary>Every requirement the suite knows, by id. Ids are stable: reports, filters and known-failure lists use them.</summary>
/// <remarks>
/// An entry reads as its parts: the level and id, the suite area, the spec module and section anchor, the version that
/// introduced the rule (older than v1.1 when none), whether its level rests on the API schema rather than a keyword,
/// our one-line rule, and the spec's own sentences it rests on, read from the matrix-spec sources
/// (<c>content/client-server-api/_index.md</c> and its modules, <c>content/appendices.md</c>,
/// <c>content/application-service-api.md</c>, <c>data/api/client-server/*.yaml</c>). <c>Says</c> is prose of the
/// section the requirement links to; <c>SaysAt</c> names where else the words stand, e.g. a documented response. Every
/// entry is checked as the catalogue is built (<see cref="RequirementBuilder.Build"/>), so a malformed one fails the run.
/// </remarks>
public static class RequirementCatalogue
{
    private const string Register = "post_matrixclientv3register";
    private const string Guest = "guest-access";
    private const string Available = "get_matrixclientv3registeravailable";
    private const string TokenAuth = "token-authenticated-registration";
    private const string GetLogin = "get_matrixclientv3login";
    private const string PostLogin = "post_matrixclientv3login";
    private const string GetToken = "post_matrixclientv1loginget_token";
    private const string Refresh = "post_matrixclientv3refresh";
    private const string Deactivate = "post_matrixclientv3accountdeactivate";
    private const string AuthMetadata = "get_matrixclientv1auth_metadata";
    private const string OAuthAware = "oauth-20-aware-clients";
    private const string MetadataRfcs = "The full list of possible fields is available in the OAuth Authorization Server Metadata registry, and normative definitions of them are available in their respective RFCs.";
    private const string PendingRfc = "authorization_pending: The authorization request is still pending as the end user hasn't yet completed the user-interaction steps (Section 3.3).";
    private const string AwareServer = "client-server-api, OAuth 2.0 aware clients, server behaviour";
    private const string AwareServerMust = "For a homeserver to provide support for OAuth 2.0 aware clients it MUST:";
    private const string AwarePreferred = "Indicate that the `m.login.sso` flow is preferred by setting `oauth_aware_preferred` to `true`.";
    private const string RedirectUriValidation = "redirect-uri-validation";
    private const string CodeGrant = "authorization-code-grant";
    private const string MustValidateRedirectUris = "The server MUST perform validation on redirect URIs.";
    private const string RegistrationErrorStatus = "When a registration error condition occurs, the authorization server returns an HTTP 400 status code (unless otherwise specified) with content type \"application/json\" consisting of a JSON object describing the error in the response body.";
    private const string RegistrationErrorCodes = "invalid_redirect_uri: The value of one or more redirection URIs is invalid. invalid_client_metadata: The value of one of the client metadata fields is invalid and the server has rejected this request.";
    private const string RegistrationError = "RFC 7591, 3.2.2 Client Registration Error Response";
    private const string InvalidGrant = "invalid_grant: The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.";
    private const string ErrorStatus = "The authorization server responds with an HTTP 400 (Bad Request) status code (unless specified otherwise) and includes the following parameters with the response:";

    private static readonly Requirement[] All = Build(
    [
        // Registration
        Must("REG-UIA-401").In(Areas.Uia).Section("Registration", Register)
            .Rule("A kind=user registration without auth is answered 401 with flows (each with a stages array), and session/params where the server uses them, even when the only flow is m.login.dummy.")
            .SaysAt("client-server-api, User-Interactive Authentication API", "The server indicates what authentication data it requires via the body of an HTTP 401 response, and the client submits that authentication data via the `auth` request parameter.")
            .SaysAt("client-server-api, User-Interactive Authentication API", "Homeservers may allow requests that don't require auth by offering a stage with only the `m.login.dummy` auth type, but they must still give a 401 response to requests with no auth data.")
            .SaysAt("registration.yaml, 401", "The homeserver requires additional authentication information.")
            .SaysAt("auth_response.yaml, flows (required)", "A list of the login flows supported by the server for this API.")
            .SaysAt("auth_response.yaml, flows[].stages (required)", "The login type of each of the stages required to complete this authentication flow"),
        Must("REG-UIA-SESSION").In(Areas.Uia).Section("User-interactive authentication", "user-interactive-authentication-api")
            .Rule("Once a session was issued, auth must carry it; stages complete in order; retrying a completed stage gives 401 with completed, or the API result.")
            .Says("`session`: This is a session identifier that the client must pass back to the homeserver, if one is provided, in subsequent attempts to authenticate in the same API call.")
            .Says("It must also contain a `session` key with the value of the session key given by the homeserver, if one was given.")
            .Says("The client is free to choose which flow it follows, however the flow's stages must be completed in order.")
            .Says("Failing to follow the flows in order must result in an HTTP 401 response, as defined below.")
            .Says("Completed stages cannot be retried by clients, therefore servers must return either a 401 response with the completed stages, or the result of the API call if all stages were completed when a client retries a stage."),
        Must("REG-CHECKS-BEFORE-UIA").In(Areas.Uia).Section("Registration", Register)
            .Rule("M_USER_IN_USE, M_INVALID_USERNAME and M_EXCLUSIVE are returned on the first, unauthenticated request, before UIA.")
            .SaysAt("registration.yaml, 400", "Homeservers MUST perform the relevant checks and return these codes before performing User-Interactive Authentication, although they may also return them after authentication is completed if, for example, the requested user ID was registered whilst the client was performing authentication.")
            .SaysAt("registration.yaml, 400", "Part of the request was invalid. This may include one of the following error codes: * `M_USER_IN_USE` : The desired user ID is already taken. * `M_INVALID_USERNAME` : The desired user ID is not a valid user name. * `M_EXCLUSIVE` : The desired user ID is in the exclusive namespace claimed by an application service."),
        Must("REG-DEVICE-GEN").In(Areas.Registration).Section("Registration", Register)
            .Rule("When no device_id is given, the server generates one and returns it.")
            .Says("If the client does not supply a `device_id`, the server must auto-generate one.")
            .SaysAt("registration.yaml, 200, device_id", "Required if the `inhibit_login` option is false."),
        Must("REG-DEVICE-ECHO").In(Areas.Registration).Section("Registration", Register).FromApiSchema()
            .Rule("When a device_id is given, the response's device_id equals it.")
            .SaysAt("registration.yaml, 200, device_id", "ID of the registered device. Will be the same as the corresponding parameter in the request, if one was specified."),
        Must("REG-TOKEN-DEVICE").In(Areas.Registration).Section("Registration", Register)
            .Rule("The returned access token belongs to the returned device: whoami with it gives the same user_id and device_id.")
            .Says("The returned access token must be associated with the `device_id` supplied by the client or generated by the server."),
        Must("REG-DISPLAYNAME").In(Areas.Registration).Section("Registration", Register).FromApiSchema()
            .Rule("initial_device_display_name becomes the new device's display_name.")
            .SaysAt("registration.yaml, initial_device_display_name", "A display name to assign to the newly-created device. Ignored if `device_id` corresponds to a known device."),
        Should("REG-USERNAME-BASIS").In(Areas.Usernames).Section("Registration", Register)
            .Rule("The user ID is based on the username when one is given.")
            .Says("The server SHOULD register an account with a User ID based on the `username` provided, if any.")
            .SaysAt("registration.yaml, username", "The basis for the localpart of the desired Matrix ID."),
        Must("REG-USERNAME-MAP-OR-REJECT").In(Areas.Usernames).Section("Registration", Register)
            .Rule("A username that does not fit the grammar is either mapped to a valid user ID in a logical manner or rejected with 400 M_INVALID_USERNAME.")
            .Says("Note that the grammar of Matrix User ID localparts is restricted, so the server MUST either map the provided `username` onto a `user_id` in a logical manner, or reject any `username` which does not comply to the grammar with `M_INVALID_USERNAME`.")
            .SaysAt("registration.yaml, 400", "Part of the request was invalid. This may include one of the following error codes: … `M_INVALID_USERNAME` : The desired user ID is not a valid user name."),
        Must("REG-USERNAME-GEN").In(Areas.Usernames).Section("Registration", Register)
            .Rule("When no username is given, the server generates the localpart.")
            .SaysAt("registration.yaml, username", "If omitted, the homeserver MUST generate a Matrix ID local part."),
        Must("REG-USERID-GRAMMAR").In(Areas.Usernames).Section("User identifiers", "appendices/#user-identifiers")
            .Rule("Every user_id the server returns is @localpart:server_name with a non-empty localpart of a-z 0-9 . _ = - / + only, and at most 255 bytes in all.")
            .SaysAt("registration.yaml, POST /register", "Any user ID returned by this API must conform to the grammar given in the Matrix specification.")
            .Says("The `localpart` of a user ID is an opaque identifier for that user. It MUST NOT be empty, and MUST contain only the characters `a-z`, `0-9`, `.`, `_`, `=`, `-`, `/`, and `+`.")
            .Says("The length of a user ID, including the `@` sigil and the domain, MUST NOT exceed 255 bytes."),
        Must("REG-IN-USE").In(Areas.Registration).Section("Registration", Register)
            .Rule("Registering a username that is taken is refused with 400 M_USER_IN_USE.")
            .SaysAt("registration.yaml, 400", "Part of the request was invalid. This may include one of the following error codes: … `M_USER_IN_USE` : The desired user ID is already taken.")
            .SaysAt("client-server-api, Other error codes, M_USER_IN_USE", "Encountered when trying to register a user ID which has been taken.")
            .SaysAt("registration.yaml, 400", "Homeservers MUST perform the relevant checks and return these codes before performing User-Interactive Authentication"),
        Must("REG-INHIBIT").In(Areas.Registration).Section("Registration", Register).FromApiSchema()
            .Rule("With inhibit_login true, the response has user_id but no access_token, device_id, refresh_token or expires_in_ms, and the account exists.")
            .SaysAt("registration.yaml, inhibit_login", "If true, an `access_token` and `device_id` should not be returned from this call, therefore preventing an automatic login.")
            .SaysAt("registration.yaml, 200, refresh_token and expires_in_ms", "Omitted if the `inhibit_login` option is true.")
            .SaysAt("registration.yaml, 200", "The account has been registered."),
        Must("REG-RESPONSE-REQUIRED").In(Areas.Registration).Section("Registration", Register).FromApiSchema()
            .Rule("A 200 always has user_id; with inhibit_login false it also has access_token and device_id.")
            .SaysAt("registration.yaml, 200, user_id (required)", "The fully-qualified Matrix user ID (MXID) that has been registered.")
            .SaysAt("registration.yaml, 200, access_token and device_id", "Required if the `inhibit_login` option is false."),
        Must("REG-REFRESH").In(Areas.RefreshTokens).Section("Registration", Register).Since("v1.3").FromApiSchema()
            .Rule("With refresh_token true, a refresh_token registration returns is a non-empty string and expires_in_ms, when given, an integer; whether it returns one is the server's (the field is optional).")
            .SaysAt("registration.yaml, 200, expires_in_ms (integer)", "The lifetime of the access token, in milliseconds.")
            .SaysAt("registration.yaml, refresh_token", "If true, the client supports refresh tokens.")
            .SaysAt("registration.yaml, 200, refresh_token", "A refresh token for the account. This token can be used to obtain a new access token when it expires by calling the `/refresh` endpoint.")
            .SaysAt("client-server-api, Refreshing access tokens", "Handling of clients that do not support refresh tokens is up to the homeserver; clients indicate their support for refresh tokens by including a `refresh_token: true` property in the request body of the `/login` and `/register` endpoints."),
        Must("REG-KIND-INVALID").In(Areas.Registration).Section("Registration", Register).FromApiSchema()
            .Rule("kind is user or guest; any other kind is a 400.")
            .SaysAt("registration.yaml, kind (enum: guest, user)", "The kind of account to register. Defaults to `user`.")
            .SaysAt("registration.yaml, 400", "Part of the request was invalid."),
        Must("REG-FORBIDDEN").In(Areas.Registration).Section("Registration", Register).FromApiSchema()
            .Rule("Registration, or the kind asked for, that is not allowed is refused with 403 (M_FORBIDDEN, the example's errcode, at SHOULD).")
            .SaysAt("registration.yaml, 403", "The homeserver does not permit registering the account. This response can be used to identify that a particular `kind` of account is not allowed, or that registration is generally not supported by the homeserver."),
        Must("REG-NOT-JSON").In(Areas.Registration).Section("Common error codes", "common-error-codes")
            .Rule("A body that is not valid JSON or not UTF-8, or valid JSON of the wrong shape, is refused with 400; its errcode, M_NOT_JSON or M_BAD_JSON, at SHOULD (the common error codes define them with no MUST).")
            .SaysAt("registration.yaml, 400", "Part of the request was invalid.")
            .SaysAt("Common error codes, M_NOT_JSON", "Request did not contain valid JSON.")
            .SaysAt("Common error codes, M_BAD_JSON", "Request contained valid JSON, but it was malformed in some way, e.g. missing required keys, invalid values for keys.")
            .SaysAt("client-server-api, API Standards", "All JSON data, in requests or responses, must be encoded using UTF-8.")
            .SaysAt("client-server-api, API Standards", "All `POST` and `PUT` endpoints, with the exception of those listed below, require the client to supply a request body containing a (potentially empty) JSON object."),
        Must("REG-AS-INHIBIT").In(Areas.Registration).Section("Registration", Register).Since("v1.17")
            .Rule("Appservice registration without inhibit_login true on a server without legacy login is refused with 400 M_APPSERVICE_LOGIN_UNSUPPORTED.")
            .SaysAt("application-service-api, Server admin style permissions", "Servers MUST still allow application services to use the `/register` endpoint with a login type of `m.login.application_service` even if they don't support the Legacy Authentication API.")
            .SaysAt("application-service-api, Server admin style permissions", "In that case application services MUST set the `\"inhibit_login\": true` parameter as they cannot use it to log in as users.")
            .SaysAt("application-service-api, Server admin style permissions", "If the `inhibit_login` parameter is not set to `true`, the server MUST return a 400 HTTP status code with an `M_APPSERVICE_LOGIN_UNSUPPORTED` error code."),

        Must("AS-REGISTER-NO-LEGACY").In(Areas.AppServices).Section("Application Service API", "server-admin-style-permissions").Since("v1.17")
            .Rule("On a server without legacy login, an appservice registration with inhibit_login true of a user in its namespace answers 200 with the user_id.")
            .SaysAt("application-service-api, Server admin style permissions", "Servers MUST still allow application services to use the `/register` endpoint with a login type of `m.login.application_service` even if they don't support the Legacy Authentication API.")
            .SaysAt("application-service-api, Server admin style permissions", "In that case application services MUST set the `\"inhibit_login\": true` parameter as they cannot use it to log in as users.")
            .SaysAt("registration.yaml, 200, user_id (required)", "The fully-qualified Matrix user ID (MXID) that has been registered."),

        // Application services
        Must("AS-TOKEN-INVALID").In(Areas.AppServices).Section("Application Service API", "server-admin-style-permissions").Since("v1.11")
            .Rule("POST /register or /login of type m.login.application_service without a valid token is refused (MUST: only appservices may use them); 401 with M_MISSING_TOKEN or M_UNKNOWN_TOKEN (\"will return\") at SHOULD.")
            .Says("Endpoints defined in this section MUST be supported by homeservers in the client-server API as accessible only by application services.")
            .Says("If `/register` or `/login` is called with the `m.login.application_service` login type, but without a valid `as_token`, the endpoints will return an error with the `M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` error code and 401 as the HTTP status code.")
            .Says("This is the same behavior as invalid auth in the client-server API (see Using access tokens).")
            .SaysAt("client-server-api, Appservice Login", "If the access token is not valid, does not correspond to an appservice or the user has not previously been registered then the homeserver will respond with an errcode of `M_FORBIDDEN`.")
            .SaysAt("client-server-api, Using access tokens", "When credentials are required but missing or invalid, the HTTP call will return with a status of 401 and the error code, `M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` respectively."),
        Must("AS-REGISTER").In(Areas.AppServices).Section("Application Service API", "server-admin-style-permissions").FromApiSchema()
            .Rule("With its as_token, an appservice registers a user in its namespace without UIA: 200 with user_id, and access_token and device_id unless inhibit_login.")
            .Says("Endpoints defined in this section MUST be supported by homeservers in the client-server API as accessible only by application services.")
            .Says("This is achieved by including the `as_token` on a `/register` request, along with a login type of `m.login.application_service` to set the desired user ID without a password.")
            .SaysAt("registration.yaml, 200, user_id (required)", "The fully-qualified Matrix user ID (MXID) that has been registered.")
            .SaysAt("registration.yaml, 200, access_token and device_id", "Required if the `inhibit_login` option is false."),
        Must("AS-EXCLUSIVE").In(Areas.AppServices).Section("Application Service API", "server-admin-style-permissions").FromApiSchema()
            .Rule("An appservice registering a user outside its namespace is refused with 400 M_EXCLUSIVE.")
            .Says("Application services which attempt to create users or aliases *outside* of their defined namespaces, or log in as users outside of their defined namespaces will receive an error code `M_EXCLUSIVE`.")
            .SaysAt("registration.yaml, 400", "Part of the request was invalid. This may include one of the following error codes: … `M_EXCLUSIVE` : The desired user ID is in the exclusive namespace claimed by an application service.")
            .SaysAt("registration.yaml, 400", "Homeservers MUST perform the relevant checks and return these codes before performing User-Interactive Authentication"),
        Must("AS-LOGIN").In(Areas.AppServices).Section("Application Service API", "server-admin-style-permissions").Since("v1.2").FromApiSchema()
            .Rule("With its as_token, an appservice logs in as a user of its namespace (m.login.application_service with an m.id.user identifier): 200 with access_token, device_id and user_id.")
            .Says("Similarly, logging in as users needs API changes in order to allow the AS to log in without needing the user's password.")
            .Says("This is achieved by including the `as_token` on a `/login` request, along with a login type of `m.login.application_service`:")
            .SaysAt("login.yaml, 200 (required: access_token, device_id, user_id)", "The user has been authenticated."),
        Must("AS-MASQUERADE").In(Areas.AppServices).Section("Application Service API", "identity-assertion")
            .Rule("With its as_token and a user_id query parameter naming a user it registered, an appservice acts as that user: whoami answers that user_id.")
            .SaysAt("application-service-api, Client-Server API Extensions", "Endpoints defined in this section MUST be supported by homeservers in the client-server API as accessible only by application services.")
            .Says("The application service may specify the virtual user to act as through use of a `user_id` query string parameter on the request.")
            .SaysAt("whoami.yaml, GET /account/whoami", "Note that, as with the rest of the Client-Server API, Application Services may masquerade as users within their namespace by giving a `user_id` query parameter. In this situation, the server should verify that the given `user_id` is registered by the appservice, and return it in the response body."),
        Must("AS-MASQUERADE-NAMESPACE").In(Areas.AppServices).Section("Application Service API", "identity-assertion").FromApiSchema()
            .Rule("An appservice cannot masquerade as a user outside its namespace: whoami with such a user_id answers 403.")
            .Says("The user specified in the query string must be covered by one of the application service's `user` namespaces.")
            .SaysAt("whoami.yaml, 403", "The appservice cannot masquerade as the user or has not registered them."),
        Must("AS-DEVICE-CREATE").In(Areas.AppServices).Section("Device management", "put_matrixclientv3devicesdeviceid").Since("v1.17").FromApiSchema()
            .Rule("An appservice's PUT /devices/{deviceId}, acting as a user of its namespace that has no such device, creates the device and answers 201.")
            .SaysAt("MSC4190, merged into device_management.yaml (PUT /devices/{deviceId}, 201)", "This endpoint is updated to allow the creation of a new device for a user, if the device ID does not exist. This behavior is only available to application services.")
            .SaysAt("MSC4190, merged into device_management.yaml (PUT /devices/{deviceId}, 201)", "This endpoint will use the 201 status code to indicate that a new device was created, in addition to the existing 200 status code for existing devices."),

        // Guests
        Must("GUEST-NO-UIA").In(Areas.Guests).Section("Guest access", Guest).FromApiSchema()
            .Rule("Guest registration does not use UIA: a plain request succeeds, or is refused with 403 if guests are not allowed.")
            .SaysAt("registration.yaml, POST /register", "This API endpoint uses the User-Interactive Authentication API, except in the cases where a guest account is being registered.")
            .Says("Guest users retrieve access tokens from a homeserver using the ordinary register endpoint, specifying the `kind` parameter as `guest`.")
            .SaysAt("registration.yaml, 403", "The homeserver does not permit registering the account. This response can be used to identify that a particular `kind` of account is not allowed, or that registration is generally not supported by the homeserver."),
        Must("GUEST-IGNORE-BODY").In(Areas.Guests).Section("Guest access", Register)
            .Rule("Guest registration ignores every body parameter except initial_device_display_name.")
            .Says("When registering a guest account, all parameters in the request body with the exception of `initial_device_display_name` MUST BE ignored by the server."),
        Must("GUEST-DEVICE-PICK").In(Areas.Guests).Section("Guest access", Register)
            .Rule("For guests the server picks the device_id; a supplied device_id is not used.")
            .Says("The server MUST pick a `device_id` for the account regardless of input."),
        Must("GUEST-DISPLAYNAME").In(Areas.Guests).Section("Guest access", Register).FromApiSchema()
            .Rule("initial_device_display_name is honoured for guests.")
            .Says("When registering a guest account, all parameters in the request body with the exception of `initial_device_display_name` MUST BE ignored by the server.")
            .SaysAt("registration.yaml, initial_device_display_name", "A display name to assign to the newly-created device."),
        Must("GUEST-WHOAMI").In(Areas.Guests).Section("Guest access", "get_matrixclientv3accountwhoami").Since("v1.2").FromApiSchema()
            .Rule("whoami with a guest token returns is_guest true; for a normal user is_guest is absent or false.")
            .SaysAt("whoami.yaml, 200, is_guest", "When `true`, the user is a Guest User. When not present or `false`, the user is presumed to be a non-guest user."),
        Must("GUEST-FORBIDDEN").In(Areas.Guests).Section("Guest access", Register).FromApiSchema()
            .Rule("A server that disallows guests answers guest registration with 403 (M_FORBIDDEN, the example's errcode, at SHOULD).")
            .SaysAt("registration.yaml, 403", "The homeserver does not permit registering the account. This response can be used to identify that a particular `kind` of account is not allowed, or that registration is generally not supported by the homeserver.")
            .SaysAt("Guest Access module", "Homeservers may choose not to allow this access at all to their local users, but have no information about whether users on other homeservers are guests or not."),
        Must("GUEST-UPGRADE").In(Areas.Guests).Section("Guest access", Guest).FromApiSchema()
            .Rule("A guest upgrades by registering with guest_access_token and its own localpart and keeps its user ID; a guest cannot upgrade another guest's account.")
            .Says("Guest users can also upgrade their account by going through the ordinary `register` flow, but specifying the additional POST parameter `guest_access_token` containing the guest's access token.")
            .Says("They are also required to specify the `username` parameter to the value of the local part of their username, which is otherwise optional."),

        // Availability
        Must("AVAIL-FREE").In(Areas.Availability).Section("Registration", Available).Since("r0.4.0").FromApiSchema()
            .Rule("A free, valid username is answered 200 {\"available\": true}.")
            .Says("Checks to see if a username is available, and valid, for the server.")
            .SaysAt("registration.yaml, GET /register/available, 200", "The username is available")
            .SaysAt("registration.yaml, GET /register/available, 200, available", "A flag to indicate that the username is available. This should always be `true` when the server replies with 200 OK."),
        // The check itself is a "should", and the errcodes "may" be included: SHOULD, not the schema's MUST.
        Should("AVAIL-TAKEN").In(Areas.Availability).Section("Registration", Available).Since("r0.4.0")
            .Rule("A taken username is answered 400 M_USER_IN_USE.")
            .Says("The server should check to ensure that, at the time of the request, the username requested is available for use.")
            .SaysAt("registration.yaml, GET /register/available, 400", "Part of the request was invalid or the username is not available. This may include one of the following error codes: … `M_USER_IN_USE` : The desired username is already taken."),
        Should("AVAIL-INVALID").In(Areas.Availability).Section("Registration", Available).Since("r0.4.0")
            .Rule("An invalid username is answered 400 M_INVALID_USERNAME; a name reserved by an appservice 400 M_EXCLUSIVE.")
            .SaysAt("registration.yaml, GET /register/available, 400", "Part of the request was invalid or the username is not available. This may include one of the following error codes: … `M_INVALID_USERNAME` : The desired username is not a valid user name.")
            .SaysAt("registration.yaml, GET /register/available, 400", "Part of the request was invalid or the username is not available. This may include one of the following error codes: … `M_EXCLUSIVE` : The desired username is in the exclusive namespace claimed by an application service.")
            .Says("This includes verifying that an application service has not claimed the username and that the username fits the server's desired requirements (for example, a server could dictate that it does not permit usernames with underscores)."),
        Must("AVAIL-NO-RESERVE").In(Areas.Availability).Section("Registration", Available).Since("r0.4.0").FromApiSchema()
            .Rule("Checking availability does not reserve the name, and needs no authentication.")
            .Says("Matrix clients may wish to use this API prior to attempting registration, however the clients must also be aware that using this API does not normally reserve the username."),

        // Registration tokens
        Must("RTOKEN-FLOW").In(Areas.RegistrationTokens).Section("Token-authenticated registration", TokenAuth).Since("v1.2").FromApiSchema()
            .Rule("A server that requires a token offers a flow with the m.login.registration_token stage, completed with {type, token, session}.")
            .Says("This authentication type provides homeservers the ability to allow registrations to a limited set of people instead of either offering completely open registrations or completely closed registration (where the homeserver administrators create and distribute accounts).")
            .Says("To use this authentication type, clients should submit an auth dict with just the type, token, and session:")
            .Says("The `m.login.registration_token` authentication type is only valid on the `/register` endpoint."),
        Must("RTOKEN-VALIDITY").In(Areas.RegistrationTokens).Section("Token-authenticated registration", "get_matrixclientv1registermloginregistration_tokenvalidity").Since("v1.2").FromApiSchema()
            .Rule("GET .../register/m.login.registration_token/validity answers 200 {\"valid\": bool}: false for an unknown token; 403 when registration is off (M_FORBIDDEN, the example's errcode, at SHOULD).")
            .SaysAt("registration_tokens.yaml, 200, valid (required)", "True if the token is still valid, false otherwise.")
            .SaysAt("registration_tokens.yaml, 200, valid (required)", "This should additionally be false if the token is not a recognised token by the server.")
            .SaysAt("registration_tokens.yaml, 403", "The homeserver does not permit registration and thus all tokens are considered invalid."),
        Must("RTOKEN-WRONG").In(Areas.RegistrationTokens).Section("Token-authenticated registration", TokenAuth).Since("v1.2").FromApiSchema()
            .Rule("A wrong token does not complete the stage (401 with errcode, session kept); a token with a use limit stops working when used up.")
            .SaysAt("client-server-api, User-Interactive Authentication API", "If the homeserver decides that an attempt on a stage was unsuccessful, but the client may make a second attempt, it returns the same HTTP status 401 response as above, with the addition of the standard `errcode` and `error` fields describing the error.")
            .Says("Such cases might be a token limited to 100 uses or for the next 2 hours - after the tokens expire, they can no longer be used to create accounts."),

        // Login
        Must("LOGIN-FLOWS").In(Areas.Login).Section("Login", GetLogin).FromApiSchema()
            .Rule("GET /login answers 200 with flows, each with a type.")
            .Says("Gets the homeserver's supported login types to authenticate users.")
            .SaysAt("login.yaml, GET /login, 200", "The login types the homeserver supports")
            .SaysAt("login.yaml, GET /login, 200, flows[].type (required)", "The login type. This is supplied as the `type` when logging in."),
        Must("LOGIN-PASSWORD").In(Areas.Login).Section("Login", PostLogin).FromApiSchema()
            .Rule("m.login.password with an m.id.user identifier (full ID or localpart) answers 200 with access_token, device_id and user_id.")
            .SaysAt("client-server-api, Login", "For a simple username/password login, clients should submit a `/login` request as follows:")
            .SaysAt("client-server-api, Identifier types", "A client can identify a user using their Matrix ID. This can either be the fully qualified Matrix user ID, or just the localpart of the user ID.")
            .SaysAt("login.yaml, 200 (required: access_token, device_id, user_id)", "The user has been authenticated.")
            .SaysAt("appendices, User Identifiers (rationale)", "We chose to disallow upper-case characters because we do not consider it valid to have two user IDs which differ only in case: indeed it should be possible to reach `@user:matrix.org` as `@USER:matrix.org`."),
        Must("LOGIN-WRONG").In(Areas.Login).Section("Login", PostLogin)
            .Rule("A wrong password or unknown user is refused with 403; its errcode M_FORBIDDEN, which the 403 \"can include\", at SHOULD.")
            .SaysAt("login.yaml, 403", "The login attempt failed. This can include one of the following error codes: * `M_FORBIDDEN`: The provided authentication data was incorrect or the requested device ID is the same as a cross-signing key ID.")
            .SaysAt("Common error codes, M_FORBIDDEN", "Forbidden access, e.g. joining a room without permission, failed login."),
        Must("LOGIN-DEVICE").In(Areas.Login).Section("Login", PostLogin)
            .Rule("Without device_id the server generates one; a given device_id is echoed; the token is bound to it.")
            .Says("If the client does not supply a `device_id`, the server must auto-generate one.")
            .Says("The returned access token must be associated with the `device_id` supplied by the client or generated by the server.")
            .SaysAt("login.yaml, 200, device_id", "ID of the logged-in device. Will be the same as the corresponding parameter in the request, if one was specified."),
        // The "must" that names the advertised types came in v1.11 and binds clients; refusing a type the server does
        // not recognise (400, "the login type may not be recognised") is as old as the endpoint.
        Must("LOGIN-TYPE-ADVERTISED").In(Areas.Login).Section("Login", PostLogin).FromApiSchema()
            .Rule("The login type must be one GET /login returned; a type the server does not recognise is refused with 400.")
            .SaysAt("login.yaml, type", "This must be a type returned in one of the flows of the response of the `GET /login` endpoint, like `m.login.password` or `m.login.token`.")
            .SaysAt("login.yaml, 400", "Part of the request was invalid. For example, the login type may not be recognised."),
        Must("LOGIN-REFRESH").In(Areas.RefreshTokens).Section("Login", PostLogin).Since("v1.3").FromApiSchema()
            .Rule("With refresh_token true, a refresh_token login returns is a non-empty string and expires_in_ms, when given, an integer; whether it returns one is the server's (the field is optional).")
            .SaysAt("login.yaml, refresh_token", "If true, the client supports refresh tokens.")
            .SaysAt("login.yaml, 200, refresh_token", "A refresh token for the account. This token can be used to obtain a new access token when it expires by calling the `/refresh` endpoint.")
            .SaysAt("login.yaml, 200, expires_in_ms (integer)", "The lifetime of the access token, in milliseconds. … If not given, the client can assume that the access token will not expire."),

        // Login tokens
        Must("LTOKEN-DISCOVERY").In(Areas.LoginTokens).Section("Login", GetToken).Since("v1.7").FromApiSchema()
            .Rule("Support for get_token is advertised by the m.login.token flow with get_login_token true; the m.get_login_token capability says per user whether get_token works for them.")
            .Says("Optional endpoint - the server is not required to implement this endpoint if it does not intend to use or support this functionality.")
            .Says("Authenticated clients can check for support on a per-user basis with the `m.get_login_token` capability, while unauthenticated clients can detect server support by looking for an `m.login.token` login flow with `get_login_token: true` on `GET /login`.")
            .SaysAt("login.yaml, GET /login, flows[].get_login_token", "If `type` is `m.login.token`, an optional field to indicate to the unauthenticated client that the homeserver supports the `POST /login/get_token` endpoint. Note that supporting the endpoint does not necessarily indicate that the user attempting to log in will be able to generate such a token.")
            .SaysAt("client-server-api, m.get_login_token capability", "This capability has a single flag, `enabled`, to denote whether the user is able to use `POST /login/get_token` to generate single-use, time-limited tokens to log unauthenticated clients into their account.")
            .SaysAt("client-server-api, m.get_login_token capability", "When not listed, clients SHOULD assume the user is unable to generate tokens."),
        Must("LTOKEN-UIA").In(Areas.LoginTokens).Section("Login", GetToken).Since("v1.7")
            .Rule("POST /login/get_token is authenticated, uses UIA, and always re-prompts: no grace period from a recent UIA.")
            .Says("This API endpoint uses the User-Interactive Authentication API.")
            .Says("For this endpoint, servers MUST always re-prompt the user for verification to ensure explicit consent is gained for each additional client.")
            .SaysAt("client-server-api, User-Interactive Authentication API", "A request to an endpoint that uses User-Interactive Authentication never succeeds without auth.")
            .SaysAt("login_token.yaml, 400", "The request was malformed, or the user does not have an ability to generate tokens for their devices, as implied by the User-Interactive Authentication API."),
        Must("LTOKEN-RESPONSE").In(Areas.LoginTokens).Section("Login", GetToken).Since("v1.7").FromApiSchema()
            .Rule("A 200 from get_token has a string login_token and an integer expires_in_ms.")
            .SaysAt("login_token.yaml, 200, login_token (required)", "The login token for the `m.login.token` login flow.")
            .SaysAt("login_token.yaml, 200, expires_in_ms (required, integer)", "The time remaining in milliseconds until the homeserver will no longer accept the token. `120000` (2 minutes) is recommended as a default."),
        Must("LTOKEN-LOGIN").In(Areas.LoginTokens).Section("Login", PostLogin).Since("v1.7").FromApiSchema()
            .Rule("POST /login with m.login.token and the token logs in as the same user.")
            .SaysAt("login_token.yaml, POST /login/get_token", "An already-authenticated client can call this endpoint to generate a single-use, time-limited, token for an unauthenticated client to log in with, becoming logged in as the same user which called this endpoint.")
            .SaysAt("client-server-api, Login", "The `token` must encode the user ID, since there is no other identifying data in the request."),
        Must("LTOKEN-SINGLE-USE").In(Areas.LoginTokens).Section("Login", GetToken).Since("v1.7")
            .Rule("A login token is valid for exactly one login; a second use is refused with 403 M_FORBIDDEN.")
            .Says("The generated token MUST only be valid for a single login, enforced by the server.")
            .SaysAt("client-server-api, Login", "In the case that the token is not valid, the homeserver must respond with `403 Forbidden` and an error code of `M_FORBIDDEN`."),
        Must("LTOKEN-INVALID").In(Areas.LoginTokens).Section("Login", PostLogin).Since("v1.7")
            .Rule("An invalid or expired login token is refused with 403 M_FORBIDDEN.")
            .SaysAt("client-server-api, Login", "In the case that the token is not valid, the homeserver must respond with `403 Forbidden` and an error code of `M_FORBIDDEN`.")
            .SaysAt("login_token.yaml, 200, expires_in_ms", "The time remaining in milliseconds until the homeserver will no longer accept the token."),
        Should("LTOKEN-RATE").In(Areas.LoginTokens).Section("Login", GetToken).Since("v1.7")
            .Rule("get_token should be rate-limited more strictly than other endpoints.")
            .Says("Servers are encouraged to apply stricter than normal rate limiting to this endpoint, such as maximum of 1 request per minute."),

        // Refresh tokens
        Must("REFRESH-OK").In(Areas.RefreshTokens).Section("Refreshing access tokens", Refresh).Since("v1.3").FromApiSchema()
            .Rule("POST /refresh with a refresh_token (no access token needed) answers 200 with a working access_token.")
            .Says("Refresh an access token. Clients should use the returned access token when making subsequent API calls, and store the returned refresh token (if given) in order to refresh the new access token when necessary.")
            .Says("Note that this endpoint does not require authentication via an access token. Authentication is provided via the refresh token.")
            .SaysAt("refresh.yaml, 200, access_token (required)", "The new access token to use."),
        Must("REFRESH-ROTATE").In(Areas.RefreshTokens).Section("Refreshing access tokens", "refreshing-access-tokens").Since("v1.3").FromApiSchema()
            .Rule("When a new refresh token is returned, the old one is revoked once the new access or refresh token is used; it then gives 401 M_UNKNOWN_TOKEN.")
            .Says("When an access token is refreshed, a new refresh token may be returned; if a new refresh token is given, the old refresh token will be invalidated, and the new refresh token should be used when the access token needs to be refreshed.")
            .Says("The old refresh token remains valid until the new access token or refresh token is used, at which point the old refresh token is revoked.")
            .SaysAt("refresh.yaml, 401", "The provided token was unknown, or has already been used."),
        Must("REFRESH-UNKNOWN").In(Areas.RefreshTokens).Section("Refreshing access tokens", Refresh).Since("v1.3").FromApiSchema()
            .Rule("An unknown or used refresh token is refused with 401; its errcode M_UNKNOWN_TOKEN (the example's) at SHOULD.")
            .SaysAt("refresh.yaml, 401", "The provided token was unknown, or has already been used.")
            .SaysAt("Common error codes, M_UNKNOWN_TOKEN", "The access or refresh token specified was not recognised."),
        Must("REFRESH-DEVICE").In(Areas.RefreshTokens).Section("Refreshing access tokens", "refreshing-access-tokens").Since("v1.3").FromApiSchema()
            .Rule("Refreshed tokens stay bound to the original device.")
            .SaysAt("client-server-api, Relationship between access tokens and devices", "When a refresh token is used to generate a new access token and refresh token, the new access and refresh tokens are now bound to the device associated with the initial refresh token."),
        // "will return", not MUST.
        Should("REFRESH-EXPIRY").In(Areas.RefreshTokens).Section("Soft logout", "soft-logout").Since("v1.3")
            .Rule("An expired access token is refused with 401 M_UNKNOWN_TOKEN, preferably with soft_logout true.")
            .SaysAt("client-server-api, Refreshing access tokens", "Any HTTP calls that use an expired access token will return with an error code `M_UNKNOWN_TOKEN`, preferably with `soft_logout: true`.")
            .Says("The server indicates that the client is in a soft logout state by including a `soft_logout: true` parameter in an `M_UNKNOWN_TOKEN` error response; the `soft_logout` parameter defaults to `false`.")
            .SaysAt("client-server-api, Using access tokens", "When credentials are required but missing or invalid, the HTTP call will return with a status of 401 and the error code, `M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` respectively."),
        // No sentence says /logout ends the refresh token; a server should keep tokens with their device.
        Should("REFRESH-LOGOUT").In(Areas.RefreshTokens).Section("Refreshing access tokens", "post_matrixclientv3logout").Since("v1.3")
            .Rule("After /logout both the access token and its refresh token are dead (401 M_UNKNOWN_TOKEN).")
            .Says("Invalidates an existing access token, so that it can no longer be used for authorization. The device associated with the access token is also deleted.")
            .SaysAt("client-server-api, Relationship between access tokens and devices", "Matrix servers should record which device each access token and refresh token are assigned to, so that subsequent requests can be handled correctly.")
            .SaysAt("refresh.yaml, 401", "The provided token was unknown, or has already been used."),

        // Tokens, whoami, devices, logout
        Must("TOKEN-MISSING").In(Areas.DevicesAndLogout).Section("Client authentication", "using-access-tokens").FromApiSchema()
            .Rule("An authenticated endpoint without a token, or with an unknown one, is refused with 401; the errcodes M_MISSING_TOKEN and M_UNKNOWN_TOKEN (\"will return\") at SHOULD.")
            .Says("When credentials are required but missing or invalid, the HTTP call will return with a status of 401 and the error code, `M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` respectively.")
            .SaysAt("whoami.yaml, 401", "The token is not recognised"),
        Must("TOKEN-HEADER").In(Areas.DevicesAndLogout).Section("Client authentication", "using-access-tokens")
            .Rule("An access token in the Authorization: Bearer header is accepted.")
            .Says("Access tokens may be provided via a request header, using the Authentication Bearer scheme: `Authorization: Bearer TheTokenHere`.")
            .Says("Homeservers MUST support both methods."),
        Must("WHOAMI-FIELDS").In(Areas.DevicesAndLogout).Section("Client authentication", "get_matrixclientv3accountwhoami").FromApiSchema()
            .Rule("whoami answers user_id, device_id when the token has a device, and is_guest (v1.2).")
            .SaysAt("whoami.yaml, 200, user_id (required)", "The user ID that owns the access token.")
            .SaysAt("whoami.yaml, 200, device_id", "Device ID associated with the access token. If no device is associated with the access token (such as in the case of application services) then this field can be omitted. Otherwise this is required.")
            .SaysAt("whoami.yaml, 200, is_guest", "When `true`, the user is a Guest User. When not present or `false`, the user is presumed to be a non-guest user."),
        Must("LOGOUT-KILLS").In(Areas.DevicesAndLogout).Section("Login", "post_matrixclientv3logout").FromApiSchema()
            .Rule("/logout invalidates the token and deletes its device; /logout/all invalidates every token of the user, the caller's included, and deletes all their devices.")
            .Says("Invalidates an existing access token, so that it can no longer be used for authorization. The device associated with the access token is also deleted.")
            .SaysAt("logout.yaml, POST /logout/all", "Invalidates all access tokens for a user, so that they can no longer be used for authorization. This includes the access token that made this request. All devices for the user are also deleted."),
        // The API standards name the two as the exceptions to "a request body containing a (potentially empty) JSON
        // object", and logout.yaml documents no request body for either: the interface itself, so a MUST of the schema.
        Must("LOGOUT-NO-BODY").In(Areas.DevicesAndLogout).Section("API standards", "api-standards").FromApiSchema()
            .Rule("POST /logout and POST /logout/all accept a request with no body at all.")
            .Says("All `POST` and `PUT` endpoints, with the exception of those listed below, require the client to supply a request body containing a (potentially empty) JSON object.")
            .Says("`POST /_matrix/client/v3/logout` and `POST /_matrix/client/v3/logout/all`, which take an empty request body."),
        // "will invalidate" in the section on devices, but "may invalidate" on the login endpoint itself: a server that
        // follows the endpoint's words keeps the old tokens (Synapse does, matrix-org/synapse#6616), so SHOULD.
        Should("LOGIN-DEVICE-REUSE").In(Areas.Login).Section("Relationship between access tokens and devices", "relationship-between-access-tokens-and-devices")
            .Rule("A login that names a known device_id invalidates the access tokens that device had.")
            .Says("If the client sets the `device_id`, the server will invalidate any access token previously assigned to that device.")
            .Says("There is therefore at most one active access token assigned to each device at any one time.")
            .SaysAt("login.yaml, POST /login", "The server may invalidate any access token previously associated with that device."),
        Must("LOGIN-DISPLAYNAME").In(Areas.Login).Section("Login", PostLogin).FromApiSchema()
            .Rule("initial_device_display_name on /login names the new device, and is ignored when device_id is a known device.")
            .SaysAt("login.yaml, initial_device_display_name", "A display name to assign to the newly-created device. Ignored if `device_id` corresponds to a known device."),
        Must("DEVICES-LIST").In(Areas.DevicesAndLogout).Section("Device management", "get_matrixclientv3devices").FromApiSchema()
            .Rule("GET /devices lists every device of the user, each with its device_id.")
            .Says("Gets information about all devices for the current user.")
            .SaysAt("device_management.yaml, GET /devices, 200, devices", "A list of all registered devices for this user.")
            .SaysAt("client_device.yaml, device_id (required)", "Identifier of this device."),
        Must("DEVICES-GET").In(Areas.DevicesAndLogout).Section("Device management", "get_matrixclientv3devicesdeviceid").FromApiSchema()
            .Rule("GET /devices/{deviceId} answers the user's device; 404 for a device the user does not have, another user's included.")
            .Says("Gets information on a single device, by device id.")
            .SaysAt("device_management.yaml, GET /devices/{deviceId}, 404", "The current user has no device with the given ID."),
        Must("DEVICES-UPDATE").In(Areas.DevicesAndLogout).Section("Device management", "put_matrixclientv3devicesdeviceid").FromApiSchema()
            .Rule("PUT /devices/{deviceId} with a display_name renames the user's device and answers 200; 404 for a device the user does not have.")
            .Says("Updates the metadata on the given device.")
            .SaysAt("device_management.yaml, PUT /devices/{deviceId}, display_name", "The new display name for this device. If not given, the display name is unchanged.")
            .SaysAt("device_management.yaml, PUT /devices/{deviceId}, 200", "The device was successfully updated.")
            .SaysAt("device_management.yaml, PUT /devices/{deviceId}, 404", "The current user has no device with the given ID."),
        Must("DEVICES-DELETE").In(Areas.DevicesAndLogout).Section("Device management", "delete_matrixclientv3devicesdeviceid").FromApiSchema()
            .Rule("DELETE /devices/{deviceId} and POST /delete_devices go through UIA, delete the devices and kill their tokens, and answer 200 for devices already removed.")
            .Says("This API endpoint uses the User-Interactive Authentication API.")
            .Says("Deletes the given device, and invalidates any access token associated with it.")
            .SaysAt("device_management.yaml, DELETE /devices/{deviceId}, 200", "The device was successfully removed, or had been removed previously.")
            .SaysAt("device_management.yaml, POST /delete_devices", "Deletes the given devices, and invalidates any access token associated with them.")
            .SaysAt("client-server-api, User-Interactive Authentication API", "A request to an endpoint that uses User-Interactive Authentication never succeeds without auth.")
            .SaysAt("client-server-api, User-Interactive Authentication API", "If the homeserver decides that an attempt on a stage was unsuccessful, but the client may make a second attempt, it returns the same HTTP status 401 response as above, with the addition of the standard `errcode` and `error` fields describing the error."),

        // API standards
        Must("API-JSON-CT").In(Areas.ApiStandards).Section("API standards", "api-standards")
            .Rule("JSON responses carry Content-Type: application/json (parameters such as charset allowed).")
            .Says("Servers must include a `Content-Type` header of `application/json` for all JSON responses."),
        Must("API-ERROR-SHAPE").In(Areas.ApiStandards).Section("API standards", "standard-error-response")
            .Rule("Every error body is a JSON object with a string errcode and a string error.")
            .Says("Any errors which occur at the Matrix API level MUST return a \"standard error response\".")
            .Says("Some `errcode`s define additional keys which should be present in the error response object, but the keys `error` and `errcode` MUST always be present."),
        // "is expected to", not MUST: a deviation, but at SHOULD.
        Should("API-UNRECOGNIZED").In(Areas.ApiStandards).Section("API standards", "common-error-codes").Since("v1.6")
            .Rule("An unknown endpoint answers 404 M_UNRECOGNIZED; a known path with a wrong method 405 M_UNRECOGNIZED.")
            .SaysAt("Common error codes, M_UNRECOGNIZED", "The server did not understand the request. This is expected to be returned with a 404 HTTP status code if the endpoint is not implemented or a 405 HTTP status code if the endpoint is implemented, but the incorrect HTTP method is used."),
        Should("RATE-429").In(Areas.ApiStandards).Section("Rate limiting", "rate-limiting").Since("v1.10")
            .Rule("Rate limiting answers 429 M_LIMIT_EXCEEDED and should send Retry-After; retry_after_ms may be sent.")
            .Says("Homeservers SHOULD implement rate limiting to reduce the risk of being overloaded.")
            .Says("If a request is refused due to rate limiting, it should return a standard error response of the form:")
            .Says("Homeservers SHOULD include a `Retry-After` header for any response with a 429 status code.")
            .Says("The `retry_after_ms` property MAY be included to tell the client how long they have to wait in milliseconds before they can try again.")
            .SaysAt("every rate-limited endpoint, 429", "This request was rate-limited."),
        Must("CORS-OPTIONS").In(Areas.ApiStandards).Section("Web browser clients", "web-browser-clients")
            .Rule("OPTIONS on any endpoint is answered without running the endpoint's logic.")
            .Says("Servers MUST expect that clients will approach them with `OPTIONS` requests, allowing clients to discover the CORS headers.")
            .Says("All endpoints in this specification support the `OPTIONS` method, however the server MUST NOT perform any logic defined for the endpoints when approached with an `OPTIONS` request."),
        Should("CORS-HEADERS").In(Areas.ApiStandards).Section("Web browser clients", "web-browser-clients")
            .Rule("Every response carries Access-Control-Allow-Origin: *, the allowed methods GET, POST, PUT, DELETE, OPTIONS and headers X-Requested-With, Content-Type, Authorization.")
            .Says("In these cases, the homeserver should respond to pre-flight requests and supply Cross-Origin Resource Sharing (CORS) headers on all requests.")
            .Says("The recommended CORS headers to be returned by servers on all requests are: Access-Control-Allow-Origin: * | Access-Control-Allow-Methods: GET, POST, PUT, DELETE, OPTIONS | Access-Control-Allow-Headers: X-Requested-With, Content-Type, Authorization")
            .Says("Servers which support additional endpoints or methods should add those methods as well."),

        // Account: deactivation, third-party login, UIA edges, authentication discovery
        Must("DEACTIVATE-UIA").In(Areas.Account).Section("Account deactivation", Deactivate)
            .Rule("POST /account/deactivate uses UIA: a request without auth is answered 401 with a challenge and deactivates nothing.")
            .Says("This API endpoint uses the User-Interactive Authentication API.")
            .SaysAt("client-server-api, User-Interactive Authentication API", "A request to an endpoint that uses User-Interactive Authentication never succeeds without auth.")
            .SaysAt("account_deactivation.yaml, 401", "The homeserver requires additional authentication information."),
        Must("DEACTIVATE-OK").In(Areas.Account).Section("Account deactivation", Deactivate).FromApiSchema()
            .Rule("A completed deactivation answers 200 with id_server_unbind_result, success when there was no third-party ID to unbind.")
            .SaysAt("account_deactivation.yaml, 200, id_server_unbind_result (required)", "This must be `success` if the homeserver has no identifiers to unbind for the user."),
        Must("DEACTIVATE-LOGIN").In(Areas.Account).Section("Account deactivation", Deactivate).FromApiSchema()
            .Rule("A deactivated account cannot log in: 403; its errcode M_USER_DEACTIVATED or M_FORBIDDEN, which the 403 \"can include\", at SHOULD.")
            .Says("Deactivate the user's account, removing all ability for the user to login again.")
            .SaysAt("login.yaml, 403", "The login attempt failed. This can include one of the following error codes: * `M_FORBIDDEN`: The provided authentication data was incorrect or the requested device ID is the same as a cross-signing key ID. * `M_USER_DEACTIVATED`: The user has been deactivated. Note that servers MAY choose not to use this error code and instead use `M_FORBIDDEN`, particularly when the server can't authenticate the deactivated user."),
        Must("LOGIN-3PID-UNKNOWN").In(Areas.Login).Section("Login", PostLogin)
            .Rule("A password login naming a third-party identifier the server does not know is refused with 403.")
            .SaysAt("client-server-api, Login", "In the case that the homeserver does not know about the supplied 3PID, the homeserver must respond with `403 Forbidden`."),
        Must("UIA-STAGE-FAILED").In(Areas.Uia).Section("User-interactive authentication", "user-interactive-authentication-api")
            .Rule("A failed attempt at a stage is answered 401 with the challenge's flows, plus a string errcode and error.")
            .Says("If the homeserver decides that an attempt on a stage was unsuccessful, but the client may make a second attempt, it returns the same HTTP status 401 response as above, with the addition of the standard `errcode` and `error` fields describing the error."),
        Must("UIA-FALLBACK").In(Areas.Uia).Section("Fallback", "fallback")
            .Rule("GET /auth/{type}/fallback/web?session= for an offered stage answers an HTML page.")
            .Says("This MUST return an HTML page which can perform this authentication stage."),
        Should("AUTH-DISCOVERY").In(Areas.ApiStandards).Section("Authentication API discovery", "authentication-api-discovery").Since("v1.15")
            .Rule("A server without the OAuth 2.0 API answers GET /auth_metadata with 404 M_UNRECOGNIZED.")
            .Says("In both cases, the server SHOULD respond with 404 and an `M_UNRECOGNIZED` error code if the corresponding API is not supported.")
            .SaysAt("oauth_server_metadata.yaml, 404", "With `M_UNRECOGNIZED`: the homeserver does not support the OAuth 2.0 API."),

        Should("AUTH-DISCOVERY-LEGACY").In(Areas.ApiStandards).Section("Authentication API discovery", "authentication-api-discovery").Since("v1.15")
            .Rule("A server without the legacy API answers GET /login with 404 M_UNRECOGNIZED.")
            .Says("To discover if a homeserver supports the legacy API, the `GET /login` endpoint can be used.")
            .Says("In both cases, the server SHOULD respond with 404 and an `M_UNRECOGNIZED` error code if the corresponding API is not supported."),

        // RFC 8628's device authorization grant, where the metadata advertises it: the spec leaves its fields to their RFCs
        Must("OAUTH-DEVICE-RESPONSE").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15")
            .Rule("Where the metadata advertises device_authorization_endpoint, a device authorization request of a client that registered the grant is answered 200 with device_code, user_code, a verification_uri URL and an integer expires_in.")
            .SaysAt("oauth_server_metadata.yaml", MetadataRfcs)
            .SaysAt("RFC 8628, section 3.2", "In response, the authorization server generates a unique device verification code and an end-user code that are valid for a limited time and includes them in the HTTP response body using the \"application/json\" format [RFC8259] with a 200 (OK) status code.")
            .SaysAt("RFC 8628, section 3.2, device_code", "REQUIRED. The device verification code.")
            .SaysAt("RFC 8628, section 3.2, user_code", "REQUIRED. The end-user verification code.")
            .SaysAt("RFC 8628, section 3.2, verification_uri", "REQUIRED. The end-user verification URI on the authorization server.")
            .SaysAt("RFC 8628, section 3.2, expires_in", "REQUIRED. The lifetime in seconds of the \"device_code\" and \"user_code\"."),
        Must("OAUTH-DEVICE-PENDING").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15")
            .Rule("Polling the token endpoint with a device code no user has approved yet is answered 400 authorization_pending (or slow_down), never with tokens.")
            .SaysAt("oauth_server_metadata.yaml", MetadataRfcs)
            .SaysAt("RFC 8628, section 3.5", PendingRfc)
            .SaysAt("RFC 8628, section 3.5", "slow_down: A variant of \"authorization_pending\", the authorization request is still pending and polling should continue, but the interval MUST be increased by 5 seconds for this and all subsequent requests."),
        Must("OAUTH-DEVICE-UNKNOWN").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15")
            .Rule("A device code the server never issued is answered 400 invalid_grant at the token endpoint.")
            .SaysAt("oauth_server_metadata.yaml", MetadataRfcs)
            .SaysAt("RFC 8628, section 3.5", "If the user has approved the grant, the token endpoint responds with a success response defined in Section 5.1 of [RFC6749]; otherwise, it responds with an error, as defined in Section 5.2 of [RFC6749].")
            .SaysAt("RFC 6749, section 5.2", ErrorStatus)
            .SaysAt("RFC 6749, section 5.2", InvalidGrant),

        // OAuth 2.0 aware clients: what a server that marks m.login.sso oauth_aware_preferred has promised
        Must("OAUTH-AWARE-API").In(Areas.OAuth).Section("OAuth 2.0 aware clients", OAuthAware).Since("v1.18")
            .Rule("A server whose m.login.sso flow says oauth_aware_preferred: true offers the OAuth 2.0 API: GET /auth_metadata answers 200 with the metadata.")
            .SaysAt(AwareServer, AwareServerMust)
            .SaysAt(AwareServer, "Support the OAuth 2.0 API.")
            .SaysAt(AwareServer, AwarePreferred),
        Must("OAUTH-AWARE-SSO").In(Areas.OAuth).Section("OAuth 2.0 aware clients", OAuthAware).Since("v1.18")
            .Rule("On a server whose m.login.sso flow says oauth_aware_preferred: true, GET /login/sso/redirect with action=login or action=register answers an HTTP redirect (or a page to choose an IdP), not an error.")
            .SaysAt(AwareServer, AwareServerMust)
            .SaysAt(AwareServer, "Provide an implementation of the `m.login.sso` authentication flow from the legacy API.")
            .SaysAt(AwareServer, "Support a value for the `action` param on the SSO redirect endpoints.")
            .SaysAt("sso_login_redirect.yaml", "The server MUST respond with an HTTP redirect to the SSO interface, or present a page which lets the user select an IdP to continue with in the event multiple are supported by the server."),
        Should("OAUTH-AWARE-ACCOUNT-MANAGEMENT").In(Areas.OAuth).Section("OAuth 2.0 aware clients", OAuthAware).Since("v1.18")
            .Rule("A server whose m.login.sso flow says oauth_aware_preferred: true advertises account_management_uri in its OAuth 2.0 server metadata.")
            .SaysAt(AwareServer, "Additionally, the homeserver SHOULD:")
            .SaysAt(AwareServer, "Advertise the account management URL in the server metadata."),

        // OAuth 2.0 API: server metadata
        Must("OAUTH-METADATA-REQUIRED").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15").FromApiSchema()
            .Rule("GET /auth_metadata answers 200 with issuer, the authorization, token, revocation and registration endpoint URLs, and the arrays of supported response types, grant types, response modes and code challenge methods.")
            .SaysAt("oauth_server_metadata.yaml", "Gets the OAuth 2.0 authorization server metadata, as defined in RFC 8414, including the endpoint URLs and the supported parameters that can be used by the clients.")
            .SaysAt("oauth_server_metadata.yaml, 200", "The OAuth 2.0 authorization server metadata."),
        Must("OAUTH-METADATA-ISSUER").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15").FromApiSchema()
            .Rule("The metadata's issuer is an https URL without a query or fragment.")
            .SaysAt("oauth_server_metadata.yaml, issuer (required)", "The authorization server's issuer identifier, which is a URL that uses the `https` scheme and has no query or fragment components."),
        Must("OAUTH-METADATA-CODE").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15")
            .Rule("response_types_supported lists code.")
            .SaysAt("oauth_server_metadata.yaml, response_types_supported (required)", "This array MUST contain at least the `code` value, for clients to be able to use the authorization code grant."),
        Must("OAUTH-METADATA-GRANTS").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15")
            .Rule("grant_types_supported lists authorization_code and refresh_token.")
            .SaysAt("oauth_server_metadata.yaml, grant_types_supported (required)", "This array MUST contain at least the `authorization_code` and `refresh_token` values, for clients to be able to use the authorization code grant and refresh token grant, respectively."),
        Must("OAUTH-METADATA-MODES").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15")
            .Rule("response_modes_supported lists query and fragment.")
            .SaysAt("oauth_server_metadata.yaml, response_modes_supported (required)", "This array MUST contain at least the `query` and `fragment` values, for improved security in the authorization code grant."),
        Must("OAUTH-METADATA-S256").In(Areas.OAuth).Section("Server metadata discovery", AuthMetadata).Since("v1.15")
            .Rule("code_challenge_methods_supported lists S256.")
            .SaysAt("oauth_server_metadata.yaml, code_challenge_methods_supported (required)", "This array MUST contain at least the `S256` value, for improved security in the authorization code grant."),

        Must("OAUTH-ACCOUNT-MANAGEMENT").In(Areas.OAuth).Section("Account management", "oauth-20-account-management").Since("v1.18").FromApiSchema()
            .Rule("Where the metadata advertises account_management_uri, it is an absolute URL.")
            .SaysAt("oauth_server_metadata.yaml, account_management_uri", "The URL where the user is able to access the account management capabilities of the homeserver.")
            .SaysAt("client-server-api, OAuth 2.0 aware clients, server behaviour", "Advertise the account management URL in the server metadata."),

        // OAuth 2.0 API: client registration
        Must("OAUTH-DCR-CREATED").In(Areas.OAuth).Section("Client registration", "client-registration").Since("v1.15")
            .Rule("A valid dynamic client registration is answered 201 with the allocated client_id and the registered metadata, its redirect_uris among them.")
            .Says("Upon successful registration, the server replies with an `HTTP 201 Created` response, with a JSON object containing the allocated `client_id` and all the registered metadata values.")
            .SaysAt("RFC 7591, section 3.2.1", "The authorization server MUST return all registered metadata about the client, including any fields provisioned by the authorization server itself."),
        Must("OAUTH-DCR-UNKNOWN-TYPES").In(Areas.OAuth).Section("Client metadata", "client-metadata").Since("v1.15")
            .Rule("A registration whose response_types or grant_types also list values the server does not understand is not refused for them.")
            .SaysAt("oauth2-client-metadata.yaml, response_types and grant_types", "The server MUST ignore values that it does not understand."),
        Must("OAUTH-REDIRECT-FRAGMENT").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("A redirect URI with a fragment is refused (400 invalid_redirect_uri or invalid_client_metadata).")
            .Says("In all cases, the redirect URI MUST NOT have a fragment component.")
            .SaysAt("oauth2-client-metadata.yaml, redirect_uris", MustValidateRedirectUris)
            .SaysAt(RegistrationError, RegistrationErrorStatus)
            .SaysAt(RegistrationError, RegistrationErrorCodes),
        Must("OAUTH-REDIRECT-WEB-HTTPS").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("A web client's redirect URI that is not https is refused (400 invalid_redirect_uri or invalid_client_metadata).")
            .SaysAt("client-server-api, Redirect URI validation, web clients", "MUST use the `https` scheme.")
            .SaysAt("oauth2-client-metadata.yaml, redirect_uris", MustValidateRedirectUris)
            .SaysAt(RegistrationError, RegistrationErrorStatus)
            .SaysAt(RegistrationError, RegistrationErrorCodes),
        Must("OAUTH-REDIRECT-WEB-USERINFO").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("A web client's redirect URI with a user in its authority is refused (400 invalid_redirect_uri or invalid_client_metadata).")
            .SaysAt("client-server-api, Redirect URI validation, web clients", "MUST NOT use a user or password in the authority component of the URI.")
            .SaysAt("oauth2-client-metadata.yaml, redirect_uris", MustValidateRedirectUris)
            .SaysAt(RegistrationError, RegistrationErrorStatus)
            .SaysAt(RegistrationError, RegistrationErrorCodes),
        Must("OAUTH-REDIRECT-WEB-HOST").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("A web client's redirect URI on neither the client URI's host nor a subdomain of it is refused (400 invalid_redirect_uri or invalid_client_metadata).")
            .SaysAt("client-server-api, Redirect URI validation, web clients", "MUST use the client URI as a common base for the authority component, as defined previously.")
            .SaysAt("oauth2-client-metadata.yaml, client_uri", "This URI is a common base for all the other URIs in the metadata: those MUST be either on the same host or on a subdomain of the host of the `client_uri`.")
            .SaysAt("oauth2-client-metadata.yaml, redirect_uris", MustValidateRedirectUris)
            .SaysAt(RegistrationError, RegistrationErrorStatus)
            .SaysAt(RegistrationError, RegistrationErrorCodes),
        Must("OAUTH-REDIRECT-NATIVE-SCHEME").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("A native client's private-use scheme that does not start with the client URI's host in reverse-DNS notation is refused (400 invalid_redirect_uri or invalid_client_metadata).")
            .SaysAt("client-server-api, Redirect URI validation, native clients", "The scheme MUST be prefixed with the client URI hostname in reverse-DNS notation.")
            .SaysAt("oauth2-client-metadata.yaml, redirect_uris", MustValidateRedirectUris)
            .SaysAt(RegistrationError, RegistrationErrorStatus)
            .SaysAt(RegistrationError, RegistrationErrorCodes),
        Must("OAUTH-REDIRECT-NATIVE-AUTHORITY").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("A native client's private-use scheme URI with an authority component is refused (400 invalid_redirect_uri or invalid_client_metadata).")
            .SaysAt("client-server-api, Redirect URI validation, native clients", "There MUST NOT be an authority component.")
            .SaysAt("oauth2-client-metadata.yaml, redirect_uris", MustValidateRedirectUris)
            .SaysAt(RegistrationError, RegistrationErrorStatus)
            .SaysAt(RegistrationError, RegistrationErrorCodes),
        Must("OAUTH-REDIRECT-LOOPBACK-PORT").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("A native client's loopback redirect URI with a port is refused (400 invalid_redirect_uri or invalid_client_metadata).")
            .SaysAt("client-server-api, Redirect URI validation, native clients", "There MUST NOT be a port.")
            .SaysAt("oauth2-client-metadata.yaml, redirect_uris", MustValidateRedirectUris)
            .SaysAt(RegistrationError, RegistrationErrorStatus)
            .SaysAt(RegistrationError, RegistrationErrorCodes),

        // OAuth 2.0 API: the authorization endpoint
        Must("OAUTH-LOOPBACK-ANY-PORT").In(Areas.OAuth).Section("Redirect URI validation", RedirectUriValidation).Since("v1.15")
            .Rule("An authorization request to a registered loopback redirect URI on a port is taken like one without the port.")
            .SaysAt("client-server-api, Redirect URI validation, native clients", "The homeserver MUST then accept any port number during the authorization flow."),
        Must("OAUTH-AUTHZ-UNREGISTERED").In(Areas.OAuth).Section("Login flow", "login-flow").Since("v1.15")
            .Rule("An authorization request naming a redirect URI the client did not register is never redirected there, not even with an error.")
            .Says("The redirect URI that MUST match one of the values registered in the client metadata")
            .SaysAt("RFC 6749, section 4.1.2.1", "If the request fails due to a missing, invalid, or mismatching redirection URI, or if the client identifier is missing or invalid, the authorization server SHOULD inform the resource owner of the error and MUST NOT automatically redirect the user-agent to the invalid redirection URI."),
        Must("OAUTH-PKCE-METHOD").In(Areas.OAuth).Section("Authorization code grant", CodeGrant).Since("v1.15")
            .Rule("An authorization request with a code challenge method the server does not support is refused with invalid_request (by redirect to the client, or a 400 page).")
            .Says("Support PKCE using the `S256` code challenge method as per RFC 7636.")
            .SaysAt("RFC 7636, section 4.4.1", "If the server supporting PKCE does not support the requested transformation, the authorization endpoint MUST return the authorization error response with \"error\" value set to \"invalid_request\"."),
        Should("OAUTH-PROMPT-CREATE").In(Areas.OAuth).Section("User registration", "user-registration").Since("v1.15")
            .Rule("Where prompt_values_supported lists create, an authorization request with prompt=create is taken (the account registration page), not refused.")
            .Says("Whether the homeserver supports this parameter is advertised by the `prompt_values_supported` authorization server metadata.")
            .Says("Servers that support this parameter SHOULD show the account registration UI in the browser."),

        // OAuth 2.0 API: the token and revocation endpoints
        Must("OAUTH-TOKEN-UNKNOWN-CODE").In(Areas.OAuth).Section("Authorization code grant", CodeGrant).Since("v1.15")
            .Rule("A token request with an authorization code the server never issued is answered 400 invalid_grant.")
            .Says("Support the authorization code grant as per RFC 6749 section 4.1.")
            .SaysAt("RFC 6749, section 5.2", ErrorStatus)
            .SaysAt("RFC 6749, section 5.2", InvalidGrant),
        Must("OAUTH-TOKEN-UNKNOWN-REFRESH").In(Areas.OAuth).Section("Refresh token grant", "refresh-token-grant").Since("v1.15")
            .Rule("A refresh token grant with a refresh token the server does not know is answered 400 invalid_grant.")
            .Says("As per RFC 6749 section 6, the refresh token grant lets the client exchange a refresh token for an access token.")
            .SaysAt("RFC 6749, section 5.2", ErrorStatus)
            .SaysAt("RFC 6749, section 5.2", InvalidGrant),
        Should("OAUTH-REVOKE-UNKNOWN").In(Areas.OAuth).Section("Token revocation", "token-revocation").Since("v1.15")
            .Rule("Revoking a token the server does not know is answered 200.")
            .Says("The server SHOULD return one of the following responses:")
            .Says("If the token is already revoked or invalid, the server returns a `200 OK` response")
            .SaysAt("RFC 7009, section 2.2", "Note: invalid tokens do not cause an error response since the client cannot handle such an error in a reasonable way."),
    ]);

    private static readonly Dictionary<string, Requirement> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Every requirement, in catalogue order.</summary>
    public static IReadOnlyList<Requirement> Requirements => All;

    /// <summary>The requirement with this id.</summary>
    /// <exception cref="KeyNotFoundException">No requirement has that id: a typo in a test.</exception>
    public static Requirement Get(string id) =>
        ById.TryGetValue(id, out var requirement) ? requirement : throw new KeyNotFoundException($"No requirement '{id}' in the catalogue");

    private static RequirementBuilder Must(string id) => new(id, RequirementLevel.Must);

    private static RequirementBuilder Should(string id) => new(id, RequirementLevel.Should);

    private static Requirement[] Build(RequirementBuilder[] entries) => [.. entries.Select(e => e.Build())];
}
