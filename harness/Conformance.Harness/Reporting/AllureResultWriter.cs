using Conformance.Harness.Accounts;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Reporting;

/// <summary>
/// Writes one Allure result per test case into the results folder: identity that history and retries line up on,
/// status and details, the requirement as labels and link, and each HTTP exchange as a step with the request and the
/// response attached as JSON (recorded redacted, so no secret reaches a file).
/// </summary>
/// <remarks>The format: ../shared/ALLURE.md (Allure 2 and 3 read the same files).</remarks>
public sealed class AllureResultWriter(string folder)
{
    private const string Assembly = "Conformance.Suites";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="record"/>'s result file and its attachments.</summary>
    public void Write(TestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var uuid = Guid.NewGuid().ToString();
        // Parameter-free and stable, so every run of this case is the same test to Allure.
        var fullName = $"{Assembly}:{record.ClassName}.{record.MethodName}";
        var parameters = new JsonArray();
        if (record.Arguments.Length > 0)
        {
            parameters.Add(new JsonObject { ["name"] = "case", ["value"] = record.Arguments });
        }

        var result = new JsonObject
        {
            ["uuid"] = uuid,
            ["fullName"] = fullName,
            ["testCaseId"] = Md5(fullName),
            ["historyId"] = Md5(JsonSerializer.Serialize(new { fullName, parameters = new[] { record.Arguments } })),
            // Renderers key history on fullName and the parameters, never the name, so the title can read as a sentence.
            ["name"] = record.Title,
            ["titlePath"] = new JsonArray(record.Requirement?.Area ?? record.ShortClassName, record.ShortClassName),
            ["status"] = Status(record.Verdict),
            ["statusDetails"] = new JsonObject
            {
                ["message"] = record.Message,
                ["trace"] = record.Trace,
                ["known"] = record.Known == KnownFailureOutcome.Expected,
            },
            ["stage"] = "finished",
            ["description"] = record.Requirement?.Describe(),
            ["start"] = record.Start.ToUnixTimeMilliseconds(),
            ["stop"] = record.Stop.ToUnixTimeMilliseconds(),
            ["parameters"] = parameters,
            ["labels"] = Labels(record),
            ["links"] = record.Requirement is { } requirement
                ? new JsonArray(new JsonObject { ["name"] = $"{requirement.Id} in the spec", ["url"] = requirement.SpecLink.ToString(), ["type"] = "link" })
                : new JsonArray(),
            ["steps"] = new JsonArray([.. record.Exchanges.Select(e => (JsonNode)Step(e))]),
            ["attachments"] = record.Reproduction is { } script ? new JsonArray(AttachScript(script)) : new JsonArray(),
        };
        File.WriteAllText(Path.Combine(folder, $"{uuid}-result.json"), result.ToJsonString(Indented));
    }

    /// <summary>The tag that lets a reader filter the tests judged on accounts the suite did not register.</summary>
    public static string AccountTag(AccountOrigin origin) => origin switch
    {
        AccountOrigin.Given => "account:given",
        AccountOrigin.AppService => "account:appservice-made",
        _ => "account:registered",
    };

    private static JsonArray Labels(TestRecord record)
    {
        var labels = new JsonArray();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                labels.Add(new JsonObject { ["name"] = name, ["value"] = value });
            }
        }

        if (record.Requirement is { } requirement)
        {
            Add("epic", requirement.Module);
            Add("feature", requirement.Area);
            Add("story", requirement.Id);
            Add("severity", requirement.Level switch
            {
                RequirementLevel.Must => "critical",
                RequirementLevel.Should => "normal",
                _ => "minor",
            });
            Add("tag", requirement.LevelName);
            Add("suite", requirement.Area);
        }

        Add("tag", record.Known switch
        {
            KnownFailureOutcome.Expected => "known-failure",
            KnownFailureOutcome.Fixed => "fixed-known-failure",
            _ => null,
        });
        foreach (var origin in record.AccountOrigins)
        {
            Add("tag", AccountTag(origin));
        }

        var dot = record.ClassName.LastIndexOf('.');
        // No parentSuite: the areas are the top of the suites tree, where a maintainer looks first.
        Add("subSuite", record.ShortClassName);
        Add("package", dot < 0 ? string.Empty : record.ClassName[..dot]);
        Add("testClass", record.ClassName);
        Add("testMethod", record.MethodName);
        Add("host", Environment.MachineName);
        Add("thread", Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("framework", "NUnit");
        Add("language", "C#");
        return labels;
    }

    private JsonObject Step(Exchange exchange)
    {
        var status = exchange.Response is null ? "broken" : "passed";
        var attachments = new JsonArray(Attach("request", exchange.Request));
        if (exchange.Response is { } response)
        {
            attachments.Add(Attach("response", response));
        }

        return new JsonObject
        {
            ["name"] = exchange.Response is { } answered ? $"{exchange.Request.StartLine} → {answered.StartLine}" : $"{exchange.Request.StartLine} → {exchange.Failure}",
            ["status"] = status,
            ["stage"] = "finished",
            ["start"] = exchange.StartedAt.ToUnixTimeMilliseconds(),
            ["stop"] = (exchange.StartedAt + exchange.Duration).ToUnixTimeMilliseconds(),
            ["attachments"] = attachments,
            ["steps"] = new JsonArray(),
            ["parameters"] = new JsonArray(),
        };
    }

    /// <summary>One file per attachment: Allure 3 marks a file referenced twice as missing.</summary>
    private JsonObject Attach(string name, RecordedMessage message)
    {
        var source = $"{Guid.NewGuid()}-attachment.json";
        var body = message.Body.Length == 0 ? null : Json.TryParse(message.Body) ?? JsonValue.Create(message.Body);
        var content = new JsonObject
        {
            ["line"] = message.StartLine,
            ["headers"] = new JsonObject([.. message.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
            ["body"] = body,
        };
        File.WriteAllText(Path.Combine(folder, source), content.ToJsonString(Indented));
        return new JsonObject { ["name"] = name, ["source"] = source, ["type"] = "application/json" };
    }

    /// <summary>The failure's reproduction, as the attachment <c>reproduce.sh</c>.</summary>
    private JsonObject AttachScript(string script)
    {
        var source = $"{Guid.NewGuid()}-attachment.sh";
        File.WriteAllText(Path.Combine(folder, source), script);
        return new JsonObject { ["name"] = "reproduce.sh", ["source"] = source, ["type"] = "text/plain" };
    }

    private static string Status(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.Failed => "failed",
        Verdict.Broken => "broken",
        _ => "skipped",
    };

    /// <summary>Allure's identity hash. MD5 is what the renderers compute; nothing here is a secret.</summary>
#pragma warning disable CA5351
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
