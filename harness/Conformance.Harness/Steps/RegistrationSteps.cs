using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions.Verdicts;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>Steps a registration check stands on, each checking the answer a test drives by hand.</summary>
public static class RegistrationSteps
{
    /// <summary>The answer, once it is a UIA challenge (401 with flows of stages); else the test is blocked by REG-UIA-401.</summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer is no challenge.</exception>
    public static MatrixResponse AsRegistrationChallenge(this MatrixResponse response) =>
        response.NeededBy(UiaVerdicts.Challenge(), "REG-UIA-401", "a registration challenge");

    /// <summary>The answer, once it is a registration (200 with a user_id); else the test is blocked by REG-RESPONSE-REQUIRED.</summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer registered no one the test can name.</exception>
    public static MatrixResponse AsCompletedRegistration(this MatrixResponse response) =>
        response.NeededBy(RegistrationVerdicts.Answered(), "REG-RESPONSE-REQUIRED", "the completed registration");

    /// <summary>The account an attempt registered; a refusal blocks the test on <paramref name="ruleId"/>, the rule that says it must succeed.</summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The attempt was refused.</exception>
    public static RegisteredAccount Registered(this RegistrationOutcome outcome, string ruleId, string step)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Account ?? throw Blocked.Step(ruleId, step, "a registration", $"the server answered {outcome.Refusal!.Summary}", outcome.Refusal.Exchange);
    }
}
