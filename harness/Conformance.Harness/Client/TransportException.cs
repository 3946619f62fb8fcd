namespace Conformance.Harness.Client;

/// <summary>The server gave no HTTP response at all (refused, reset, timed out).</summary>
public sealed class TransportException : Exception
{
    /// <summary>Creates the exception for a recorded exchange that has no response.</summary>
    public TransportException(Exchange exchange, Exception? inner = null)
        : base($"No HTTP response: {exchange.Failure}\n{exchange.Describe()}", inner)
    {
        Exchange = exchange;
    }

    /// <summary>The request that got no answer.</summary>
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
