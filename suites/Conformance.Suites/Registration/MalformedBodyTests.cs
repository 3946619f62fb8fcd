namespace Conformance.Suites.Registration;

/// <summary>
/// POST /register with a body that is not a JSON object. A server may choke on such a body and stall the requests
/// behind it, so these tests run one at a time after the parallel rest: a hang then fails only the test that sent it.
/// </summary>
[NonParallelizable]
public sealed class MalformedBodyTests : ConformanceTest
{
    [TestCaseSource(typeof(MalformedBodies), nameof(MalformedBodies.All))]
    [Requirement("REG-NOT-JSON", Quote = "Part of the request was invalid.")]
    public async Task A_body_that_is_not_a_JSON_object_is_refused_with_400(MalformedBody body)
    {
        var response = await AnswerToAsync(body);

        response.Should().HaveStatus(400);
    }

    /// <remarks>The common error codes define both with no MUST: a SHOULD, each body judged by the sentence of its own code.</remarks>
    [TestCaseSource(typeof(MalformedBodies), nameof(MalformedBodies.All))]
    [Requirement("REG-NOT-JSON", RequirementLevel.Should)]
    public async Task A_body_that_is_not_JSON_answers_M_NOT_JSON_and_JSON_that_is_not_an_object_M_BAD_JSON(MalformedBody body)
    {
        var response = await AnswerToAsync(body);

        response.Should().HaveErrCode(body.ErrCode);
    }

    [Test, Requirement("API-ERROR-SHAPE", Quote = "MUST always be present")]
    public async Task The_refusal_of_a_body_that_is_not_JSON_is_an_object_with_string_errcode_and_error()
    {
        var response = await Client.OnceAsync(MalformedBodies.Truncated.Answer).AnsweredAsync("REG-NOT-JSON", "the refusal of a body that is not JSON");

        response.AsAnErrorAnswer("REG-NOT-JSON").Should().HaveStandardErrorBody();
    }

    private async Task<MatrixResponse> AnswerToAsync(MalformedBody body)
    {
        await Client.RequireAsync(Feature.LegacyRegistration);
        var response = await Client.OnceAsync(body.Answer);
        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        return response;
    }
}
