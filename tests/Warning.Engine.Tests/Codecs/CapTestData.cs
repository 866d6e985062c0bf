namespace Warning.Engine.Tests.Codecs;

internal static class CapTestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "cap", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));
}
