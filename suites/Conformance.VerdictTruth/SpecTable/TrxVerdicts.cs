using System.Xml.Linq;

namespace Conformance.VerdictTruth.SpecTable;

/// <summary>A TRX file's verdicts by <c>Class.Method</c> (short class name, cases of one method together).</summary>
public static class TrxVerdicts
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Each test's TRX outcome (Passed, Failed, NotExecuted, …) and message, grouped by <c>Class.Method</c>.</summary>
    public static ILookup<string, (string Outcome, string Message)> Read(string trxFile)
    {
        var trx = XDocument.Load(trxFile);
        var names = trx.Descendants(Trx + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => (string)t.Element(Trx + "TestMethod")!.Attribute("className")! is var cls ? $"{cls[(cls.LastIndexOf('.') + 1)..]}.{((string)t.Attribute("name")!).Split('(')[0]}" : string.Empty);
        return trx.Descendants(Trx + "UnitTestResult").ToLookup(
            r => names[(string)r.Attribute("testId")!],
            r => ((string)r.Attribute("outcome")!, (string?)r.Descendants(Trx + "Message").FirstOrDefault() ?? string.Empty));
    }
}
