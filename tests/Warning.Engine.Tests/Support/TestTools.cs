using System.Diagnostics;

namespace Warning.Engine.Tests.Support;

/// <summary>
/// Finds the external tools tests use (installed by scripts/services.sh). Outside CI a missing tool skips
/// the test with its reason; under CI=true it fails it, because CI must run every test for real.
/// </summary>
internal static class TestTools
{
    public static string Require(string tool, string installHint)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }
        TestServers.Unavailable($"'{tool}' is not installed ({installHint}); run scripts/services.sh.");
        return tool;
    }

    public static (int ExitCode, string Output) Run(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr);
    }
}
