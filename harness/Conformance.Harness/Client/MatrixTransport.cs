using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Conformance.Harness.RateLimits;
using Flurl.Http;
using NUnit.Framework;

namespace Conformance.Harness.Client;

/// <summary>
/// The one place the harness speaks HTTP (through Flurl.Http). Records every exchange, waits out rate limits, caps
/// what it reads, and never follows redirects, so a token is never carried to another origin.
/// </summary>
public sealed class MatrixTransport : IDisposable
{
    private readonly FlurlClient _client;
    private readonly TransportSettings _settings;
    private readonly RateLimitGate _gate;

    /// <summary>Creates a transport for the server at <paramref name="baseUrl"/>.</summary>
    public MatrixTransport(Uri baseUrl, TransportSettings settings, RateLimitGate gate)
    {
        BaseUrl = baseUrl;
        _settings = settings;
        _gate = gate;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        _client = new FlurlClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>What this transport has sent, per endpoint family.</summary>
    public RequestCounts Counts { get; } = new();

    /// <summary>Sends the request, waiting out and retrying 429s unless the request says not to.</summary>
    /// <exception cref="TransportException">No HTTP response came back.</exception>
    /// <exception cref="InconclusiveException">The server kept rate-limiting past the harness's patience.</exception>
    public async Task<MatrixResponse> SendAsync(MatrixRequest request, ExchangeLog log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var family = EndpointFamily.Of(request.Path);
        var waited = TimeSpan.Zero;
        while (true)
        {
            if (request.RetryRateLimits)
            {
                await _gate.WaitOpenAsync(family, ct);
            }

            Counts.Sent(family);
            var response = await SendOnceAsync(request, log, ct);
            Counts.Answered(request, response.StatusCode);
            if (response.StatusCode != 429)
            {
                return response;
            }

            Counts.RateLimited();

            var wait = RetryAfter.Of(response.Headers, response.Json) ?? _settings.DefaultRateLimitWait;
            if (!request.RetryRateLimits)
            {
                // This request wants the 429 itself; everyone else still backs off.
                _gate.Close(family, wait < _settings.MaxRateLimitWait ? wait : _settings.MaxRateLimitWait);
                return response;
            }

            if (wait > _settings.MaxRateLimitWait || waited + wait > _settings.RateLimitBudget)
            {
                throw new InconclusiveException(
                    $"The server rate-limited {request.Method} {request.Path} and asked to wait {wait.TotalSeconds:0.#} s "
                    + $"after {waited.TotalSeconds:0.#} s of waiting; the harness waits at most "
                    + $"{_settings.MaxRateLimitWait.TotalSeconds:0} s at a time and {_settings.RateLimitBudget.TotalSeconds:0} s in all. "
                    + "A 429 is never a verdict.\n" + response.Exchange.Describe());
            }

            waited += wait;
            _gate.Close(family, wait);
        }
    }

    private async Task<MatrixResponse> SendOnceAsync(MatrixRequest request, ExchangeLog log, CancellationToken ct)
    {
        var url = UrlOf(request);
        var flurl = _client.Request(url).AllowAnyHttpStatus().WithTimeout(_settings.RequestTimeout);
        if (request.AccessToken is not null)
        {
            flurl = flurl.WithOAuthBearerToken(request.AccessToken);
        }

        using var content = ContentOf(request);
        var recordedRequest = RecordRequest(request, url, content);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var message = await flurl.SendAsync(request.Method, content, ct, HttpCompletionOption.ResponseHeadersRead);
            var headers = HeadersOf(message);
            var body = await ReadCappedAsync(message.Content, ct);
            var exchange = new Exchange(recordedRequest, RecordResponse(message, headers, body), startedAt, clock.Elapsed, null);
            log.Add(exchange);
            return new MatrixResponse((int)message.StatusCode, headers, body, exchange);
        }
        catch (FlurlHttpException e)
        {
            var reason = e is FlurlHttpTimeoutException
                ? $"no response within {_settings.RequestTimeout.TotalSeconds:0} s"
                : e.InnerException?.Message ?? e.Message;
            var exchange = new Exchange(recordedRequest, null, startedAt, clock.Elapsed, reason);
            log.Add(exchange);
            throw new TransportException(exchange, e);
        }
    }

    private string UrlOf(MatrixRequest request)
    {
        var url = new StringBuilder(BaseUrl.GetLeftPart(UriPartial.Authority)).Append(request.Path);
        for (var i = 0; i < request.Query.Count; i++)
        {
            var (name, value) = request.Query[i];
            url.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return url.ToString();
    }

    private static ByteArrayContent? ContentOf(MatrixRequest request)
    {
        if (request.Content is null)
        {
            return null;
        }

        var content = new ByteArrayContent(request.Content);
        if (request.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }

        return content;
    }

    private static RecordedMessage RecordRequest(MatrixRequest request, string url, ByteArrayContent? content)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.AccessToken is not null)
        {
            headers["Authorization"] = SecretRedaction.RedactHeader("Authorization", "Bearer " + request.AccessToken);
        }

        if (content?.Headers.ContentType is { } type)
        {
            headers["Content-Type"] = type.ToString();
        }

        var body = request.Content is null ? string.Empty : SecretRedaction.RedactBody(Encoding.UTF8.GetString(request.Content));
        return new RecordedMessage($"{request.Method} {RedactQuery(url)}", headers, body);
    }

    private static string RedactQuery(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return url;
        }

        var pairs = url[(query + 1)..].Split('&').Select(pair =>
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]);
            return SecretRedaction.IsSecretName(name) ? $"{parts[0]}={SecretRedaction.RedactQueryValue(name, parts.Length > 1 ? parts[1] : string.Empty)}" : pair;
        });
        return url[..(query + 1)] + string.Join('&', pairs);
    }

    private static RecordedMessage RecordResponse(HttpResponseMessage message, IReadOnlyDictionary<string, string> headers, string body) =>
        new($"HTTP {(int)message.StatusCode} {message.ReasonPhrase}", headers, SecretRedaction.RedactBody(body));

    /// <remarks>As the server sent them: the raw values, which also spares parsing every header of every response.</remarks>
    private static Dictionary<string, string> HeadersOf(HttpResponseMessage message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers.NonValidated.Concat(message.Content.Headers.NonValidated))
        {
            headers[name] = values.Count == 1 ? values.ToString() : string.Join(", ", values);
        }

        return headers;
    }

    private async Task<string> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        // Pooled: a fresh buffer per request is most of what the harness adds to a request's cost.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(_settings.MaxResponseBodyBytes, 16 * 1024));
        try
        {
            using var kept = new MemoryStream();
            int read;
            while (kept.Length < _settings.MaxResponseBodyBytes
                && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, _settings.MaxResponseBodyBytes - kept.Length)), ct)) > 0)
            {
                kept.Write(buffer, 0, read);
            }

            return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
