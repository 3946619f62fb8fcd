namespace Conformance.Harness.Client;

/// <summary>
/// The server gave no complete HTTP response (refused, reset, timed out, broken off mid-body), or the run budget was
/// used up before the request could be sent.
/// </summary>
public sealed class TransportException : Exception
{
    /// <summary>Creates the exception for a recorded exchange that has no response, or an incomplete one.</summary>
    public TransportException(Exchange exchange, Exception? inner = null)
        : base($"{(exchange.Response is null ? "No HTTP response" : "Incomplete HTTP response")}: {exchange.Failure}\n{exchange.Describe()}", inner)
    {
        Exchange = exchange;
    }

    /// <summary>The request that got no complete answer, or null when it was never sent.</summary>
    public Exchange? Exchange { get; }

    /// <inheritdoc />
    public TransportException()
    {
    }

    /// <inheritdoc />
    public TransportException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public TransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
