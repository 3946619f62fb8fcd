using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Harness.Client;

namespace Conformance.Harness.Reproductions;

/// <summary>
/// A test's exchanges as a bash script of curl commands, in order, that a maintainer runs as written against the same
/// server to see the answer again. Secrets are shell variables, never values: a setting's is read from its environment
/// variable, one an earlier answer handed out is read from that answer, and one the suite made up is made up afresh
/// (same length and kinds of character). Generated usernames get a fresh run part, and the values a server chose that
/// later requests send back (a UIA session, a device ID, a user ID) are read from the answer that chose them.
/// </summary>
/// <remarks>
/// A secret or username the test used that another exchange log made (the run's shared account) brings that log's
/// exchanges first. The script needs bash, curl and python3 (which reads the answers; Debian has it by default).
/// </remarks>
public sealed class ReproductionScript
{
    // Server-chosen values a client sends back, read from the answer that chose them; other fields stay as recorded.
    private static readonly HashSet<string> EchoedFields = new(StringComparer.Ordinal) { "session", "device_id", "user_id", "sid" };

    // A message belongs to one run, whose run part of the usernames never changes.
    private static readonly ConditionalWeakTable<RecordedMessage, HashSet<string>> MentionsOf = [];

    private readonly ExchangeLogs _logs;
    private readonly string? _nonce;
    private readonly Regex? _generated;
    private readonly StringBuilder _setup = new();
    private readonly StringBuilder _steps = new();
    // The transport's name of each secret (numbered over the whole run) to the script's own (numbered from 1).
    private readonly Dictionary<string, string> _defined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _secretsPerKind = new(StringComparer.Ordinal);
    private readonly List<(string Value, string Variable)> _echoed = [];
    private string _sent = string.Empty;

    private ReproductionScript(ExchangeLogs logs, string? nonce)
    {
        _logs = logs;
        _nonce = nonce;
        // The unique part of a generated localpart: the run part and the number after it.
        _generated = nonce is { Length: > 0 } ? new Regex($"-{Regex.Escape(nonce)}-[0-9]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) : null;
    }

    /// <summary>The script reproducing <paramref name="exchanges"/>.</summary>
    /// <param name="test">The test's name, for the header.</param>
    /// <param name="exchanges">The test's exchanges, in order.</param>
    /// <param name="server">The server of the run: the default of <c>HOMESERVER</c>.</param>
    /// <param name="logs">Every exchange log of the run, to find where what the test used was first made.</param>
    /// <param name="nonce">The run part of the generated usernames, made fresh in the script; null for none.</param>
    public static string Of(string test, IReadOnlyCollection<Exchange> exchanges, Uri server, ExchangeLogs logs, string? nonce)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(logs);
        var script = new ReproductionScript(logs, nonce);
        var steps = script.WithOrigins(exchanges);
        for (var i = 0; i < steps.Count; i++)
        {
            script.Step(i + 1, steps.Count, steps[i], steps.Skip(i + 1));
        }

        return script.Render(test, steps.Count, server);
    }

    /// <summary>
    /// The exchanges, each preceded by the exchanges of the log that first had a secret or a generated username it
    /// sends, when no earlier step had it: the shared account's registration before a test that logs in to it.
    /// </summary>
    private List<Exchange> WithOrigins(IReadOnlyCollection<Exchange> exchanges)
    {
        var steps = new List<Exchange>();
        var had = new HashSet<string>(StringComparer.Ordinal);
        // Each exchange comes with the log it belongs to (the test's, or an origin's): a log's own exchanges keep their order.
        void Add(Exchange exchange, IReadOnlyCollection<Exchange> log)
        {
            if (steps.Contains(exchange))
            {
                return;
            }

            // Had from the moment it is looked for: the origin's own exchanges mention it too.
            foreach (var needed in Mentioned(exchange.Request).Where(had.Add).ToList())
            {
                var origin = _logs.OriginOf(e => Mentions(e, needed));
                if (!origin.Any(log.Contains) && !origin.Any(exchanges.Contains))
                {
                    foreach (var earlier in origin)
                    {
                        Add(earlier, origin);
                    }
                }
            }

            steps.Add(exchange);
            had.UnionWith(Mentioned(exchange.Request));
            had.UnionWith(exchange.Response is { } response ? Mentioned(response) : []);
        }

        foreach (var exchange in exchanges)
        {
            Add(exchange, exchanges);
        }

        return steps;
    }

    private bool Mentions(Exchange exchange, string mentioned) =>
        Mentioned(exchange.Request).Contains(mentioned) || (exchange.Response is { } response && Mentioned(response).Contains(mentioned));

    /// <summary>The secrets (other than settings) and generated usernames (their run part and number) a message carries.</summary>
    /// <remarks>
    /// Worked out once per message: every failure of a run looks through all of the run's exchanges, and a run against
    /// a broken server fails every test.
    /// </remarks>
    private HashSet<string> Mentioned(RecordedMessage message) => MentionsOf.GetValue(message, m =>
    {
        var mentioned = m.Secrets.Where(s => !s.FromSettings).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (_generated is not null)
        {
            mentioned.UnionWith(_generated.Matches(m.StartLine + "\n" + m.Body).Select(g => g.Value.ToLowerInvariant()));
        }

        return mentioned;
    });

    private void Step(int number, int count, Exchange exchange, IEnumerable<Exchange> later)
    {
        var request = exchange.Request;
        var space = request.StartLine.IndexOf(' ', StringComparison.Ordinal);
        var method = request.StartLine[..space];
        // Cut by hand, not parsed as a Uri: that would escape the markers in the query.
        var url = request.StartLine[(space + 1)..];
        var pathAndQuery = url[url.IndexOf('/', url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var path = pathAndQuery.Split('?')[0];
        var secrets = new Queue<SecretName>(request.Secrets);
        var target = Word(pathAndQuery, secrets, urlEncoded: true);
        var headers = request.Headers.Select(h => $"-H {Word($"{h.Key}: {h.Value}", secrets, urlEncoded: false)}").ToList();
        var body = request.Body.Length > 0 ? Word(request.Body, secrets, urlEncoded: false) : null;
        if (body is not null && !request.Headers.ContainsKey("Content-Type"))
        {
            // curl would otherwise label the body a form.
            headers.Add("-H 'Content-Type:'");
        }

        _sent += request.StartLine + "\n" + request.Body + "\n";
        _steps.Append(CultureInfo.InvariantCulture, $"\nstep '{number} of {count}: {method} {Quoted(path)}' '{Quoted(RunAnswer(exchange))}'\n");
        if (request.Body.Contains('\uFFFD', StringComparison.Ordinal))
        {
            _steps.AppendLine("# The run sent bytes that are not UTF-8 in this body; it was recorded as text, so U+FFFD stands in their place.");
        }

        var curl = $"curl -sS --max-time 60 -o \"$answer\" -w 'HTTP %{{http_code}}\\n' -X {method} \"$HOMESERVER\"{target}{string.Concat(headers.Select(h => " " + h))}";
        _steps.AppendLine(body is null ? $"{curl} || true" : $"printf '%s' {body} | {curl} --data-binary @- || true");
        _steps.AppendLine("show");
        if (exchange.Response is { } response)
        {
            ReadFrom(response, later.ToList());
        }
    }

    /// <summary>What the run got, for the step's heading: the status line and errcode, never a body (it may be long).</summary>
    private static string RunAnswer(Exchange exchange)
    {
        if (exchange.Response is not { } response)
        {
            return $"no response: {exchange.Failure}";
        }

        var errcode = Leaves(response.Body).FirstOrDefault(l => l.Path.Count == 1 && l.Field == "errcode").Value;
        return errcode is null ? response.StartLine : $"{response.StartLine} {errcode}";
    }

    /// <summary>The recorded text as a word: markers become the secrets' variables, then the values read from answers and the usernames' run part.</summary>
    private ShellWord Word(string recorded, Queue<SecretName> secrets, bool urlEncoded)
    {
        var word = new ShellWord(recorded);
        word.Replace(SecretRedaction.Marker, () => secrets.TryDequeue(out var secret) ? Variable(secret) : null);
        foreach (var (value, variable) in _echoed.OrderByDescending(e => e.Value.Length))
        {
            var escaped = Uri.EscapeDataString(value);
            if (urlEncoded && escaped != value)
            {
                word.Replace(escaped, () => $"$(urlencode \"${variable}\")");
            }

            word.Replace(value, () => "$" + variable);
        }

        if (_nonce is { Length: > 0 } nonce)
        {
            word.Replace(nonce, () => "$RUN");
            if (!nonce.ToUpperInvariant().Equals(nonce, StringComparison.Ordinal))
            {
                word.Replace(nonce.ToUpperInvariant(), () => "${RUN^^}");
            }
        }

        return word;
    }

    /// <summary>The expansion of a secret: its variable, set up at the top when no answer of the script hands it out before.</summary>
    private string Variable(SecretName secret)
    {
        if (!_defined.TryGetValue(secret.Name, out var variable))
        {
            variable = Define(secret);
            _setup.AppendLine(secret.FromSettings
                ? $": \"${{{variable}:?set {variable} to the setting the suite ran with (a secret: it is not in this script)}}\""
                : string.Create(CultureInfo.InvariantCulture, $"{variable}=$(fresh {secret.Length} '{secret.Alphabet}')  # made up by the suite: a fresh one like it"));
        }

        return "$" + variable;
    }

    /// <summary>The script's variable for a secret: a setting's environment variable, else its kind numbered from 1 in this script.</summary>
    private string Define(SecretName secret)
    {
        var variable = secret.FromSettings ? secret.Name : Numbered(_secretsPerKind, secret.Name[..secret.Name.LastIndexOf('_')]);
        _defined[secret.Name] = variable;
        return variable;
    }

    private static string Numbered(Dictionary<string, int> counts, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}_{counts[kind] = counts.GetValueOrDefault(kind) + 1}");

    /// <summary>Sets the variables of the secrets this answer hands out, and of the values it chose that a later request sends back.</summary>
    private void ReadFrom(RecordedMessage response, List<Exchange> later)
    {
        var leaves = Leaves(response.Body);
        // The header markers (a redirect's Location) come first and are not read back.
        var secrets = response.Secrets.Skip(response.Headers.Values.Sum(v => Occurrences(v, SecretRedaction.Marker))).GetEnumerator();
        foreach (var leaf in leaves.Where(l => l.Value == SecretRedaction.Marker && SecretRedaction.IsSecretName(l.Field)))
        {
            if (secrets.MoveNext() && !secrets.Current.FromSettings && !_defined.ContainsKey(secrets.Current.Name))
            {
                _steps.AppendLine(CultureInfo.InvariantCulture, $"{Define(secrets.Current)}=$(field \"$answer\"{Path(leaf.Path)})");
            }
        }

        foreach (var leaf in leaves.Where(l => EchoedFields.Contains(l.Field) && IsChosenByServer(l.Value)))
        {
            if (later.Any(e => Sends(e.Request, leaf.Value)) && !_echoed.Any(e => e.Value == leaf.Value))
            {
                var variable = Numbered(_secretsPerKind, SecretName.KindOf(leaf.Field));
                _echoed.Add((leaf.Value, variable));
                _steps.AppendLine(CultureInfo.InvariantCulture, $"{variable}=$(field \"$answer\"{Path(leaf.Path)})");
            }
        }
    }

    // A value the client sent first, or one holding a generated username, is the client's: left as recorded.
    private bool IsChosenByServer(string value) =>
        value.Length >= 3 && value != SecretRedaction.Marker && !_sent.Contains(value, StringComparison.Ordinal)
        && (_nonce is null || !value.Contains(_nonce, StringComparison.OrdinalIgnoreCase));

    private static bool Sends(RecordedMessage request, string value) =>
        request.StartLine.Contains(value, StringComparison.Ordinal) || request.StartLine.Contains(Uri.EscapeDataString(value), StringComparison.Ordinal)
        || request.Body.Contains(value, StringComparison.Ordinal);

    private static int Occurrences(string text, string find) => (text.Length - text.Replace(find, string.Empty, StringComparison.Ordinal).Length) / find.Length;

    private static string Path(IReadOnlyList<string> path) => string.Concat(path.Select(p => $" '{Quoted(p)}'"));

    private static string Quoted(string text) => text.Replace("'", "'\\''", StringComparison.Ordinal);

    /// <summary>Every string value of a JSON body, in document order, with its path and field name; none when it is not JSON.</summary>
    private static List<(IReadOnlyList<string> Path, string Field, string Value)> Leaves(string body)
    {
        var leaves = new List<(IReadOnlyList<string>, string, string)>();
        void Walk(JsonElement element, List<string> path, string field)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value, [.. path, property.Name], property.Name);
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, [.. path, (index++).ToString(CultureInfo.InvariantCulture)], field);
                    }

                    break;
                case JsonValueKind.String:
                    leaves.Add((path, field, element.GetString()!));
                    break;
                default:
                    break;
            }
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            Walk(document.RootElement, [], string.Empty);
        }
        catch (JsonException)
        {
            // Not JSON: nothing to read from it.
        }

        return leaves;
    }

    // Prints an answer with the values of the fields SecretRedaction hides hidden too; a body that is not JSON as it is.
    private static readonly string ShowAnswer = string.Join("\n",
        "import json, sys",
        "def hide(v):",
        "    if isinstance(v, dict): return {k: (\"" + SecretRedaction.Marker + "\" if k.lower() in SECRET and isinstance(x, str) else hide(x)) for k, x in v.items()}",
        "    return [hide(x) for x in v] if isinstance(v, list) else v",
        "SECRET = {" + string.Join(", ", SecretRedaction.SecretFieldNames.Select(f => $"\"{f}\"")) + "}",
        "text = open(sys.argv[1], encoding=\"utf-8\", errors=\"replace\").read()",
        "try: print(json.dumps(hide(json.loads(text)), ensure_ascii=False))",
        "except ValueError: print(text)");

    private string Render(string test, int count, Uri server)
    {
        var script = new StringBuilder();
        script.AppendLine("#!/usr/bin/env bash");
        script.AppendLine(CultureInfo.InvariantCulture, $"# Reproduces {test}: its {count} request{(count == 1 ? string.Empty : "s")} in order, as curl commands. Run it as written:");
        script.AppendLine("#   bash <this file>     (HOMESERVER=https://… aims it elsewhere; it needs curl and python3)");
        script.AppendLine("# No secret is written here: a setting's comes from its environment variable, one an answer hands out is read");
        script.AppendLine("# from that answer, and one the suite made up is made up afresh, as is the run part of the usernames. Answers");
        script.AppendLine("# are shown with their secrets redacted, so the output can be pasted into an issue.");
        script.AppendLine("set -uo pipefail");
        script.AppendLine(CultureInfo.InvariantCulture, $"HOMESERVER=\"${{HOMESERVER:-{server.GetLeftPart(UriPartial.Authority)}}}\"");
        script.AppendLine("fresh() { python3 -c 'import secrets, sys; print(\"\".join(secrets.choice(sys.argv[2]) for _ in range(int(sys.argv[1]))))' \"$1\" \"$2\"; }");
        script.AppendLine("field() { python3 -c 'import json, sys");
        script.AppendLine("v = json.load(open(sys.argv[1]))");
        script.AppendLine("for k in sys.argv[2:]: v = v[int(k)] if isinstance(v, list) else v[k]");
        script.AppendLine("print(v)' \"$@\" 2>/dev/null || echo \"(the answer has no ${*:2})\" >&2; }");
        script.AppendLine("urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=\"\"))' \"$1\"; }");
        script.AppendLine("step() { printf '\\n== %s (the run got %s)\\n' \"$1\" \"$2\"; }");
        script.AppendLine(CultureInfo.InvariantCulture, $"show() {{ python3 -c '{ShowAnswer}' \"$answer\"; }}");
        script.AppendLine("answer=$(mktemp)");
        script.AppendLine("trap 'rm -f \"$answer\"' EXIT");
        if (_nonce is { Length: > 0 } nonce)
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"RUN=$(fresh {nonce.Length} 'abcdefghijklmnopqrstuvwxyz0123456789')  # the run part of the usernames, fresh");
        }

        script.Append(_setup).Append(_steps);
        return script.ToString();
    }
}
