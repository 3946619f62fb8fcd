using Conformance.Harness.Running;
using NUnit.Framework;

namespace Conformance.Harness.Probes;

/// <summary>Ends a test as Inconclusive, with the probed reason, when the server does not offer what it needs.</summary>
public static class NotApplicable
{
    /// <summary>Inconclusive when the run's probe found registration closed.</summary>
    /// <exception cref="InconclusiveException">Registration is closed.</exception>
    public static async Task UnlessRegistrationIsOpenAsync()
    {
        if (await ConformanceRun.Current.Probes.RegistrationClosedReasonAsync() is { } reason)
        {
            throw new InconclusiveException(reason);
        }
    }
}
