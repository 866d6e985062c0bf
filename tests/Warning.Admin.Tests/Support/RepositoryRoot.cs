namespace Warning.Admin.Tests.Support;

/// <summary>The folder that holds Warning.sln, found upward from the test's build output.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Warning.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Warning.sln not found above " + AppContext.BaseDirectory);
    }
}
