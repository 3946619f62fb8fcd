using System.Buffers;
using System.Globalization;
using System.Text;

namespace Conformance.Harness.Client;

/// <summary>
/// A response body read up to a cap, so a hostile server cannot exhaust memory. What arrived is kept even when the
/// read fails part-way, so the record shows how far the server got.
/// </summary>
internal sealed class CappedBody(int cap) : IDisposable
{
    private readonly MemoryStream _kept = new();

    /// <summary>How many bytes were kept.</summary>
    public long BytesRead => _kept.Length;

    /// <summary>Whether the server sent more than the cap (the rest was never read).</summary>
    public bool Cut { get; private set; }

    /// <summary>The bytes kept.</summary>
    public ReadOnlySpan<byte> Bytes => _kept.GetBuffer().AsSpan(0, (int)_kept.Length);

    /// <summary>The bytes kept as text; bytes that are not UTF-8 become U+FFFD (the problem is reported separately).</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>"body cut at 4 MiB of 200000000 bytes", for records and messages.</summary>
    public string CutDescription(long? declaredLength) =>
        $"the body was cut at {Size(cap)} of {(declaredLength is { } length ? Size(length) : "a longer body")}; the rest was not read";

    /// <summary>Reads until the body ends or the cap is passed.</summary>
    public async Task ReadAsync(HttpContent content, CancellationToken ct)
    {
        // A declared length within the cap sizes the buffer once; a body that turns out longer still grows it.
        if (content.Headers.ContentLength is { } declared && declared <= cap)
        {
            _kept.Capacity = (int)declared;
        }

        await using var stream = await content.ReadAsStreamAsync(ct);
        // Pooled: a fresh buffer per response was the largest part of what the harness adds to a request's cost.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            // One byte past the cap tells a body that ends exactly at the cap from one that goes on.
            while (_kept.Length <= cap
                && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cap + 1L - _kept.Length)), ct)) > 0)
            {
                _kept.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (_kept.Length > cap)
        {
            Cut = true;
            _kept.SetLength(cap);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _kept.Dispose();

    private static string Size(long bytes) => bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
