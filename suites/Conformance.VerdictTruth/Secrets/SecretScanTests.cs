namespace Conformance.VerdictTruth.Secrets;

/// <summary>The scan that every in-process run goes through finds a planted secret where it is, and names only the place.</summary>
public sealed class SecretScanTests
{
    private const string Secret = "syt_planted_secret_value_0123456789";

    [Test]
    public void A_secret_in_printed_output_or_in_any_file_is_found_by_place()
    {
        var folder = Directory.CreateTempSubdirectory("secret-scan-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "allure-results"));
            File.WriteAllText(Path.Combine(folder.FullName, "allure-results", "x-attachment.json"), $$"""{"access_token":"{{Secret}}"}""");
            File.WriteAllText(Path.Combine(folder.FullName, "summary.md"), "nothing secret here");

            var found = SecretScan.Find([Secret, "another-unused-secret"], ["progress line", $"Bearer {Secret}"], folder);

            found.Should().BeEquivalentTo("printed output", Path.Combine("allure-results", "x-attachment.json"));
            found.Should().NotContain(f => f.Contains(Secret, StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
