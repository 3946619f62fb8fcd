namespace Conformance.Harness.Client;

/// <summary>Matrix error codes the suite expects.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#standard-error-response</remarks>
public static class ErrCode
{
    /// <summary>The request is not allowed.</summary>
    public const string Forbidden = "M_FORBIDDEN";

    /// <summary>The access or refresh token is not recognised.</summary>
    public const string UnknownToken = "M_UNKNOWN_TOKEN";

    /// <summary>No access token was given.</summary>
    public const string MissingToken = "M_MISSING_TOKEN";

    /// <summary>Valid JSON of the wrong shape.</summary>
    public const string BadJson = "M_BAD_JSON";

    /// <summary>Not valid JSON.</summary>
    public const string NotJson = "M_NOT_JSON";

    /// <summary>The username is taken.</summary>
    public const string UserInUse = "M_USER_IN_USE";

    /// <summary>The username is not valid.</summary>
    public const string InvalidUsername = "M_INVALID_USERNAME";

    /// <summary>The name belongs to an application service's exclusive namespace.</summary>
    public const string Exclusive = "M_EXCLUSIVE";

    /// <summary>The endpoint or method is not known.</summary>
    public const string Unrecognized = "M_UNRECOGNIZED";

    /// <summary>The user has been deactivated (a refused login).</summary>
    public const string UserDeactivated = "M_USER_DEACTIVATED";

    /// <summary>Rate limited.</summary>
    public const string LimitExceeded = "M_LIMIT_EXCEEDED";
}
