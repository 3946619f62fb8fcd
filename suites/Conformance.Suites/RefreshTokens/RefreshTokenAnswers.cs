namespace Conformance.Suites.RefreshTokens;

/// <summary>What the checks of a refresh token in a registration's or a login's answer have to look at.</summary>
public static class RefreshTokenAnswers
{
    /// <summary>
    /// No verdict when <paramref name="answer"/> holds no refresh token: the field is optional, and a server that
    /// offers refresh tokens may hand them out at registration, at login, or both. What one holds, when given, is judged.
    /// </summary>
    /// <param name="answer">The answer to a request with <c>refresh_token: true</c>.</param>
    /// <param name="endpoint">Which request it answered, for the reason: registration or login.</param>
    /// <exception cref="InconclusiveException">The answer holds no refresh token.</exception>
    public static void NoVerdictWithoutOne(MatrixResponse answer, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!answer.HasField("refresh_token"))
        {
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                $"The {endpoint} with refresh_token: true returned no refresh token, which the schema leaves to the server; there is none to judge.\n" + answer.Exchange.Describe());
        }
    }
}
