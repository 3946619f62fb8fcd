using Conformance.Harness.Requirements;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>
/// The standalone server's catalogue flags, as other tools call them: <c>--list-faults</c> and <c>--list-variants</c>
/// print <c>name&lt;TAB&gt;requirement-id&lt;TAB&gt;description</c>, and every id is one the suite knows.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CatalogueInterfaceTests
{
    [TestCase("--list-faults", 40)]
    [TestCase("--list-variants", 12)]
    public async Task The_list_flag_prints_one_tab_separated_line_per_entry_naming_a_known_requirement(string flag, int atLeast)
    {
        var run = await RunServerAsync(flag);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        run.ExitCode.Should().Be(0);
        lines.Should().HaveCountGreaterThanOrEqualTo(atLeast);
        var fields = lines.Select(l => l.Split('\t')).ToList();
        fields.Should().OnlyContain(f => f.Length == 3 && f.All(part => part.Length > 0), "each line is name<TAB>requirement-id<TAB>description");
        fields.Select(f => f[0]).Should().OnlyHaveUniqueItems();
        fields.Select(f => f[1]).Should().OnlyContain(id => RequirementCatalogue.Requirements.Any(r => r.Id == id), "every id is a row of the spec digest");
    }

    [Test]
    public async Task A_fault_name_that_does_not_exist_stops_the_server_with_exit_code_2()
    {
        var run = await RunServerAsync("--fault", "no-such-fault");

        run.ExitCode.Should().Be(2);
        run.Errors.Should().Contain("no-such-fault");
    }

    [Test]
    public async Task A_server_started_with_a_fault_breaks_its_requirement()
    {
        using var server = await StandaloneServer.StartAsync("--fault", "unknown-endpoint-ok");
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var response = await http.GetAsync(new Uri("/_matrix/client/v3/org.example.nothing", UriKind.Relative));

        ((int)response.StatusCode).Should().Be(200, "the fault answers unknown endpoints 200");
    }

    private static Task<ToolResult> RunServerAsync(params string[] args) =>
        ExternalTool.RunAsync(ExternalTool.StartInfo("dotnet", [RepositoryLayout.ReferenceServerAssembly, .. args]), TimeSpan.FromSeconds(60));
}
