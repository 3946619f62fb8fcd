using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions.Verdicts;

/// <summary>Whether an answer, an account or a registration attempt shows the account the spec asks for.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register</remarks>
public static class RegistrationVerdicts
{
    /// <summary>A registration's success: 200 with a non-empty string <c>user_id</c> (what an inhibited login returns).</summary>
    public static Matcher<MatrixResponse> Answered() => Matchers.All(Status(200), Field("user_id").IsNonEmptyString());

    /// <summary>
    /// A registration's success with a session: 200 with non-empty string <c>user_id</c>, <c>access_token</c> and
    /// <c>device_id</c>, which the schema requires unless <c>inhibit_login</c> was true.
    /// </summary>
    public static Matcher<MatrixResponse> AnsweredWithSession() =>
        Matchers.All(Answered(), Field("access_token").IsNonEmptyString(), Field("device_id").IsNonEmptyString());

    /// <summary>No account or session came of the request: not a 2xx, and no <c>user_id</c> or <c>access_token</c> in the body.</summary>
    public static Matcher<MatrixResponse> NoAccount() =>
        Matchers.All(Matchers.Not(Success()), Matchers.Not(Field("user_id").IsPresent()), Matchers.Not(Field("access_token").IsPresent()))
            .Expecting("a refusal that makes no account or session (such as 401 or 400)", GotForUserId);

    /// <summary>
    /// The answer to a retried, completed registration session: the same result (200 for <paramref name="userId"/>,
    /// the user the session registered) or a 401; never a second account or another error.
    /// </summary>
    public static Matcher<MatrixResponse> SameRegistrationOrUiaRefusal(string userId) =>
        Matchers.AnyOf(Matchers.All(Status(200), Field("user_id").Is(userId)), Status(401))
            .Expecting($"200 for {userId} again, or 401", GotForUserId);

    /// <summary>The user ID fits the grammar for new user IDs.</summary>
    public static Matcher<RegisteredAccount> UserIdFitsTheGrammar() =>
        new("a user ID that fits the grammar", a => a.UserId.GrammarProblems is { Count: > 0 } problems ? $"\"{a.UserId}\" {string.Join("; ", problems)}" : null);

    /// <summary>The user ID's localpart is exactly <paramref name="localpart"/>.</summary>
    public static Matcher<RegisteredAccount> Localpart(string localpart) =>
        new($"the localpart \"{localpart}\"", a => a.UserId.Localpart == localpart ? null : $"the user ID is \"{a.UserId}\"");

    /// <summary>The server registered an account, whatever its user ID (the ID's grammar is REG-USERID-GRAMMAR's).</summary>
    public static Matcher<RegistrationOutcome> RegisteredAnAccount() =>
        Either(new Matcher<RegisteredAccount>("an account", _ => (string?)null), RefusalFails("the registration to succeed"));

    /// <summary>The server registered an account whose localpart is exactly <paramref name="localpart"/>.</summary>
    public static Matcher<RegistrationOutcome> RegisteredTheLocalpart(string localpart) =>
        Either(Localpart(localpart), RefusalFails($"the registration of the localpart \"{localpart}\" to succeed"));

    /// <summary>The server registered an account whose user ID has a localpart, whatever it holds.</summary>
    public static Matcher<RegistrationOutcome> RegisteredANonEmptyLocalpart() =>
        Either(
            new Matcher<RegisteredAccount>("a user ID with a generated localpart", a => a.UserId.Localpart.Length > 0 ? null : $"the user ID is \"{a.UserId}\""),
            RefusalFails("the registration to succeed"));

    /// <summary>The server registered exactly <paramref name="userId"/>.</summary>
    public static Matcher<RegistrationOutcome> Registered(string userId) =>
        Either(
            new Matcher<RegisteredAccount>($"the user ID {userId}", a => a.UserId.Value == userId ? null : Registered(a)),
            RefusalFails($"the registration of {userId} to succeed"));

    /// <summary>The server refused with a 4xx: neither an account nor a server error.</summary>
    public static Matcher<RegistrationOutcome> RefusedWithClientError() =>
        Either(AccountFails("a refusal (4xx)"), ClientError().Expecting("a refusal (4xx)", Answered));

    /// <summary>The server refused with one of <paramref name="statuses"/>, whatever the errcode.</summary>
    public static Matcher<RegistrationOutcome> RefusedWithStatus(params int[] statuses)
    {
        var expectation = $"a refusal with HTTP {string.Join(" or ", statuses)}";
        return Either(AccountFails(expectation), new Matcher<MatrixResponse>(expectation, r => statuses.Contains(r.StatusCode) ? null : Got(r)));
    }

    /// <summary>The server refused with exactly this status and errcode.</summary>
    public static Matcher<RegistrationOutcome> RefusedWith(int status, string errcode) =>
        Either(AccountFails($"a refusal with HTTP {status} and errcode {errcode}"), ErrorVerdicts.MatrixError(status, errcode));

    /// <summary>
    /// Either the server refused with 400 and <paramref name="errcode"/>, or it registered an account whose user ID
    /// fits the grammar: the two answers the spec allows for a username it cannot use as given.
    /// </summary>
    public static Matcher<RegistrationOutcome> MappedToValidUserIdOrRefusedWith(string errcode) =>
        Either(
            UserIdFitsTheGrammar(),
            ErrorVerdicts.MatrixError(400, errcode).Expecting($"either a valid user ID or HTTP 400 with errcode {errcode}", Answered));

    /// <summary>Either the server refused (a 4xx, whatever its errcode), or it registered a user ID that fits the grammar.</summary>
    public static Matcher<RegistrationOutcome> RefusedOrValidUserId() =>
        Either(UserIdFitsTheGrammar(), ClientError().Expecting("either a valid user ID or a refusal (4xx)", Answered));

    // What was got, and for whom when the body names a user.
    private static string GotForUserId(MatrixResponse response) =>
        Got(response) + (response.StringField("user_id") is { } userId ? " for " + userId : string.Empty);

    // An attempt ends in an account or a refusal; each verdict says what it asks of either.
    private static Matcher<RegistrationOutcome> Either(Matcher<RegisteredAccount> registered, Matcher<MatrixResponse> refused) =>
        new($"{registered.Expectation}, or {refused.Expectation}", o => o.Account is { } account ? registered.Match(account) : refused.Match(o.Refusal!));

    private static Matcher<MatrixResponse> RefusalFails(string expectation) => new(expectation, Answered);

    private static Matcher<RegisteredAccount> AccountFails(string expectation) => new(expectation, Registered);

    private static string Answered(MatrixResponse response) => $"the server answered {response.Summary}";

    private static string Registered(RegisteredAccount account) => $"the server registered {account.UserId}";
}
