using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;

namespace Conformance.VerdictTruth.Support;

/// <summary>
/// Listens to an in-process run and keeps everything a test logger could print: the progress lines, every test's
/// output, and each result's name, message and stack trace (what the console and TRX loggers are made of).
/// </summary>
public sealed class OutputCollector : ITestListener
{
    private readonly ConcurrentQueue<string> _texts = new();

    /// <summary>Everything collected so far.</summary>
    public IReadOnlyList<string> Texts => [.. _texts];

    /// <inheritdoc />
    public void TestStarted(ITest test)
    {
    }

    /// <inheritdoc />
    public void TestFinished(ITestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var text in new[] { result.FullName, result.Message, result.StackTrace, result.Output })
        {
            if (!string.IsNullOrEmpty(text))
            {
                _texts.Enqueue(text);
            }
        }
    }

    /// <inheritdoc />
    public void TestOutput(TestOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _texts.Enqueue(output.Text);
    }

    /// <inheritdoc />
    public void SendMessage(TestMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _texts.Enqueue(message.Message);
    }
}
