using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Conformance.Harness.Probes;
using Conformance.Harness.RateLimits;
using Conformance.Harness.Running;
using Flurl;
using Flurl.Http;
using NUnit.Framework;

namespace Conformance.Harness.Client;

/// <summary>
/// The one place the harness speaks HTTP (through Flurl.Http). Records every exchange, waits out rate limits, caps
/// what it reads and how long each request and the whole run may take, and never follows redirects, so a token is
/// never carried to another origin.
/// </summary>
public sealed class MatrixTransport : IDisposable
{
    private const int RecordedBodyChars = 64 * 1024;

    private readonly StallWatch _stalls = new();
    private readonly FlurlClient _client;
    private readonly TransportSettings _settings;
    private readonly RateLimitGate _gate;
    private readonly RunBudget _budget;
    private readonly string _origin;
    private readonly Action<string> _progress;
    private readonly ConcurrentDictionary<string, byte> _outlasted = new(StringComparer.Ordinal);
    private readonly Func<string?>? _currentTest;
    private MatrixResponse? _firstRateLimited;

    /// <summary>Creates a transport for the server at <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">The server's base URL.</param>
    /// <param name="settings">Timeouts, caps and patience.</param>
    /// <param name="gate">The run's shared rate-limit pauses.</param>
    /// <param name="progress">Where notices for the maintainer go while the run goes on (the run's progress output); nowhere by default.</param>
    /// <param name="currentTest">
    /// The id of the test a request is sent for, or null outside one, so a notice can say how many tests lean on a
    /// family; none by default.
    /// </param>
    public MatrixTransport(Uri baseUrl, TransportSettings settings, RateLimitGate gate, Action<string>? progress = null, Func<string?>? currentTest = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _progress = progress ?? (_ => { });
        _currentTest = currentTest;
        BaseUrl = baseUrl;
        _origin = baseUrl.GetLeftPart(UriPartial.Authority);
        _settings = settings;
        _gate = gate;
        // The budget runs from here: a transport lives exactly as long as its run.
        _budget = new RunBudget(settings.RunBudget);
        // A body left unread (cut at the cap, or broken off) closes its connection instead of being drained.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxResponseDrainSize = 0 };
        _client = new FlurlClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }).AllowAnyHttpStatus();
        // The transport's own deadline covers the headers and the body; Flurl's default timeout would only add a
        // second timer to every request.
        _client.Settings.Timeout = null;
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Removes the secrets from what this transport records, and remembers which it removed.</summary>
    public SecretRedaction Redaction { get; } = new();

    /// <summary>Every exchange log this transport has recorded into, for reproductions.</summary>
    public ExchangeLogs Logs { get; } = new();

    /// <summary>What this transport has sent, per endpoint family.</summary>
    public RequestCounts Counts { get; } = new();

    /// <summary>The first 429 any request of the run was answered with (its exchange included), or null while none was.</summary>
    public MatrixResponse? FirstRateLimitedAnswer => Volatile.Read(ref _firstRateLimited);

    /// <summary>Sends the request, waiting out and retrying 429s unless the request says not to.</summary>
    /// <exception cref="TransportException">
    /// No complete HTTP response came back (refused, reset, timed out, cut off), or the run budget is used up.
    /// </exception>
    /// <exception cref="InconclusiveException">The server kept rate-limiting past the harness's patience.</exception>
    public async Task<MatrixResponse> SendAsync(MatrixRequest request, ExchangeLog log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var family = EndpointFamily.Of(request.Path);
        Logs.Note(log);
        // Which tests lean on a family, for the notice when its limit outlasts the harness's patience.
        if (_currentTest?.Invoke() is { } test)
        {
            Counts.Involves(family, test);
        }

        var waited = TimeSpan.Zero;
        while (true)
        {
            if (_budget.IsUsedUp)
            {
                throw _budget.NotSent(request);
            }

            if (request.RetryRateLimits && _gate.IsClosed(family))
            {
                using var budgeted = CancellationTokenSource.CreateLinkedTokenSource(ct, _budget.Token);
                try
                {
                    await _gate.WaitOpenAsync(family, budgeted.Token);
                }
                catch (OperationCanceledException) when (_budget.IsUsedUp && !ct.IsCancellationRequested)
                {
                    throw _budget.NotSent(request);
                }
            }

            Counts.Sent(family);
            var response = await SendOnceAsync(request, log, ct);
            Counts.Answered(request, response.StatusCode);
            if (response.StatusCode != 429)
            {
                return response;
            }

            Counts.RateLimited();
            Interlocked.CompareExchange(ref _firstRateLimited, response, null);

            var wait = RetryAfter.Of(response.Headers, response.Json) ?? _settings.DefaultRateLimitWait;
            if (!request.RetryRateLimits)
            {
                // This request wants the 429 itself; everyone else still backs off, unless the server asks for longer
                // than the harness ever waits: then the others end Inconclusive at once instead of stalling first.
                if (wait <= _settings.MaxRateLimitWait)
                {
                    _gate.Close(family, wait);
                }

                return response;
            }

            if (wait > _settings.MaxRateLimitWait || waited + wait > _settings.RateLimitBudget)
            {
                throw Outlasted(request, family, wait, waited, response);
            }

            waited += wait;
            _gate.Close(family, wait);
        }
    }

    /// <summary>
    /// The Inconclusive for a 429 the harness will not wait out, and, the first time a family's limit does this, a
    /// notice of what it costs and what to change, printed at once rather than found later in the report.
    /// </summary>
    private InconclusiveException Outlasted(MatrixRequest request, string family, TimeSpan wait, TimeSpan waited, MatrixResponse response)
    {
        var needed = TransportSettings.PatienceFor(wait, waited);
        var patience = string.Create(CultureInfo.InvariantCulture,
            $"the harness waits at most {_settings.MaxRateLimitWait.TotalSeconds:0} s per 429 and {_settings.RateLimitBudget.TotalSeconds:0} s per request");
        var asked = string.Create(CultureInfo.InvariantCulture,
            $"{request.Method} {request.Path} got a 429 that asked to wait {wait.TotalSeconds:0.#} s after {waited.TotalSeconds:0.#} s of waiting");
        var limits = $"raise the server's {family} limits: SERVERS.md, \"Rate limits\"";
        if (_outlasted.TryAdd(family, 0))
        {
            var tests = Counts.TestsOf(family);
            _progress(string.Create(CultureInfo.InvariantCulture,
                $"A rate limit on {family} outlasts the harness's patience: {asked}; {patience}.\n"
                + $"  It stops tests: {tests} {(tests == 1 ? "test has" : "tests have")} sent {family} requests or waited on them so far, and each "
                + $"that meets this limit ends Inconclusive (a 429 is never a verdict).\n"
                + $"  To judge them: set {SuiteSettings.RateLimitPatienceVariable} to at least {needed} (with CONFORMANCE_RUN_BUDGET_S and dotnet test's "
                + $"TestSessionTimeout long enough for the waits), or {limits}."));
        }

        var reason = NotJudgedReasons.RateLimitOutlasted(
            family, string.Create(CultureInfo.InvariantCulture, $"Set {SuiteSettings.RateLimitPatienceVariable} to at least {needed} (or {limits})"));
        return reason.Exception($"{asked}; {patience}. A 429 is never a verdict.\n{response.Exchange.Describe()}");
    }

    /// <param name="request">What to send.</param>
    /// <param name="log">Where the exchange is recorded.</param>
    /// <param name="ct">The caller's own token, to tell its cancellation from a timeout.</param>
    private async Task<MatrixResponse> SendOnceAsync(MatrixRequest request, ExchangeLog log, CancellationToken ct)
    {
        var url = UrlOf(request);
        // Built directly: FlurlClient.Request(url) would first look for a base URL to combine with a complete one.
        IFlurlRequest flurl = new FlurlRequest(new Url(url)) { Client = _client };
        if (request.AccessToken is not null)
        {
            flurl = flurl.WithOAuthBearerToken(request.AccessToken);
        }

        using var content = ContentOf(request);
        var recordedRequest = RecordRequest(request, url, content);
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        // One deadline for the headers and the whole body: a server that trickles its body is as stuck as a silent one.
        // It also ends when the caller cancels or the run budget is used up.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, _budget.Token);
        deadline.CancelAfter(_settings.RequestTimeout);
        HttpResponseMessage message;
        try
        {
            message = await flurl.SendAsync(request.Method, content, deadline.Token, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (Exception e) when (e is FlurlHttpException or OperationCanceledException)
        {
            ct.ThrowIfCancellationRequested();
            var reason = deadline.IsCancellationRequested ? Stopped("no response") : $"the connection failed: {e.GetBaseException().Message}";
            var exchange = new Exchange(recordedRequest, null, startedAt, Stopwatch.GetElapsedTime(started), reason);
            throw TimedOut(deadline, started, exchange, log) ?? (Exception)Failed(exchange, log, e);
        }

        using (message)
        {
            var headers = HeadersOf(message);
            using var body = new CappedBody(_settings.MaxResponseBodyBytes);
            try
            {
                await body.ReadAsync(message.Content, deadline.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                ct.ThrowIfCancellationRequested();
                var reason = deadline.IsCancellationRequested
                    ? Stopped("the response body did not finish", $" ({body.BytesRead} bytes read)")
                    : $"the connection broke after {body.BytesRead} bytes of the body: {e.GetBaseException().Message}";
                var cutOff = new Exchange(recordedRequest, RecordResponse(message, headers, body.Text), startedAt, Stopwatch.GetElapsedTime(started), reason);
                throw TimedOut(deadline, started, cutOff, log) ?? (Exception)Failed(cutOff, log, e);
            }

            var text = body.Text;
            var problem = BodyProblems.Of(body, message.Content.Headers.ContentType?.MediaType?.ToLowerInvariant(), message.Content.Headers.ContentLength);
            var exchange = new Exchange(recordedRequest, RecordResponse(message, headers, text), startedAt, Stopwatch.GetElapsedTime(started), problem);
            log.Add(exchange);
            return new MatrixResponse((int)message.StatusCode, headers, text, problem, exchange);
        }
    }

    /// <summary>
    /// For a request its own time-out stopped (not the run budget): the not-judged ending when an earlier request of
    /// the run had stalled the server before this one was sent, else null (the time-out is this test's own failure).
    /// </summary>
    private InconclusiveException? TimedOut(CancellationTokenSource deadline, long started, Exchange exchange, ExchangeLog log)
    {
        if (!deadline.IsCancellationRequested || _budget.IsUsedUp || _stalls.Record(started, exchange) is not { } earlier)
        {
            return null;
        }

        log.Add(exchange);
        return StallWatch.Behind(exchange, earlier);
    }

    /// <summary>"no response within 30 s (…)", or when the run budget is what ran out, "no response (…): the run budget …".</summary>
    private string Stopped(string what, string detail = "") =>
        _budget.IsUsedUp ? $"{what}{detail}: {_budget.Description}" : $"{what} within {_settings.RequestTimeout.TotalSeconds:0.#} s{detail}";

    private static TransportException Failed(Exchange exchange, ExchangeLog log, Exception cause)
    {
        log.Add(exchange);
        // Flurl's own exceptions quote the whole URL, query and all (a registration token, say), and NUnit prints
        // inner exceptions into the log and the reports; the cause beneath them names no URL.
        var inner = cause.GetBaseException();
        return new TransportException(exchange, inner is FlurlHttpException ? null : inner);
    }

    private string UrlOf(MatrixRequest request)
    {
        var origin = request.Origin?.GetLeftPart(UriPartial.Authority) ?? _origin;
        var url = new StringBuilder(origin, origin.Length + request.Path.Length + (request.Query.Count * 32)).Append(request.Path);
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

    private RecordedMessage RecordRequest(MatrixRequest request, string url, ByteArrayContent? content)
    {
        // The names in the order their markers appear: start line, headers, body.
        var secrets = new List<SecretName>();
        var startLine = $"{request.Method} {Redaction.RedactUrl(url, secrets)}";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.AccessToken is not null)
        {
            headers["Authorization"] = Redaction.RedactHeader("Authorization", "Bearer " + request.AccessToken, secrets);
        }

        if (content?.Headers.ContentType is { } type)
        {
            headers["Content-Type"] = type.ToString();
        }

        var text = request.Content is null ? string.Empty : Encoding.UTF8.GetString(request.Content);
        var body = request.ContentType == MatrixRequest.FormContentType ? Redaction.RedactForm(text, secrets) : Redaction.RedactBody(text, secrets);
        return new RecordedMessage(startLine, headers, body) { Secrets = secrets };
    }

    private RecordedMessage RecordResponse(HttpResponseMessage message, Dictionary<string, string> headers, string body)
    {
        // Reports and messages show the start of a body; recording megabytes of it would only slow a run against a
        // server that sends huge bodies. A cut JSON text no longer parses, so redaction then drops it if it may hold a secret.
        if (body.Length > RecordedBodyChars)
        {
            body = string.Concat(body.AsSpan(0, RecordedBodyChars), $"… ({body.Length - RecordedBodyChars} more chars not recorded)");
        }

        // A redirect can echo the request's query, access_token included.
        var secrets = new List<SecretName>();
        var recorded = headers.TryGetValue("Location", out var location)
            ? new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { ["Location"] = Redaction.RedactUrl(location, secrets) }
            : headers;
        return new($"HTTP {(int)message.StatusCode} {message.ReasonPhrase}", recorded, Redaction.RedactBody(body, secrets)) { Secrets = secrets };
    }

    /// <remarks>As the server sent them: the raw values, which also spares parsing every header of every response.</remarks>
    private static Dictionary<string, string> HeadersOf(HttpResponseMessage message)
    {
        var headers = new Dictionary<string, string>(
            message.Headers.NonValidated.Count + message.Content.Headers.NonValidated.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers.NonValidated)
        {
            headers[name] = Joined(values);
        }

        foreach (var (name, values) in message.Content.Headers.NonValidated)
        {
            headers[name] = Joined(values);
        }

        return headers;
    }

    private static string Joined(HeaderStringValues values) => values.Count == 1 ? values.ToString() : string.Join(", ", values);

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _budget.Dispose();
    }
}
