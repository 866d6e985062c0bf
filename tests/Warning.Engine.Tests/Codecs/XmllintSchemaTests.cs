using Warning.Engine.Codecs;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Codecs;

/// <summary>
/// Our CAP output checked by libxml2's validator against the OASIS schema: a second opinion, independent of
/// the .NET validator the reader itself uses.
/// </summary>
public sealed class XmllintSchemaTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static TheoryData<string> Samples() =>
    [
        .. Directory.GetFiles(Path.Combine(TestData, "cap"), "*.cap").Select(f => Path.GetFileName(f)!)
            .Where(n => n is not "invalid.cap" and not "xee.cap").Order(StringComparer.Ordinal),
        .. Directory.GetFiles(Path.Combine(TestData, "gb12379"), "*.xml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void CapWriter_EverySample_PassesXmllintSchemaValidation(string sample)
    {
        var xmllint = TestTools.Require("xmllint", "Debian package libxml2-utils");
        var folder = sample.EndsWith(".cap", StringComparison.Ordinal) ? "cap" : "gb12379";
        var read = WarningXml.Read(File.ReadAllText(Path.Combine(TestData, folder, sample)));
        Assert.True(read.IsValid, string.Join("; ", read.Issues));
        var output = Path.Combine(Path.GetTempPath(), $"warning-{Guid.NewGuid():N}.cap");
        File.WriteAllText(output, CapWriter.Write(read.Message!));
        try
        {
            var (exitCode, text) = TestTools.Run(xmllint, "--noout", "--nonet", "--schema",
                Path.Combine(TestData, "schema", "cap12.xsd"), output);
            Assert.True(exitCode == 0, text);
            Assert.Contains("validates", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
