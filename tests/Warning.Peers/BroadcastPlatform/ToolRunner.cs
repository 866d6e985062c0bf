using System.Diagnostics;

namespace Warning.Peers.BroadcastPlatform;

/// <summary>Runs one of the platform's independent tools (openssl, tar, xmllint) and hands back its exit code and output.</summary>
internal static class ToolRunner
{
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
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
        // Both pipes at once: a tool that fills one while we block on the other would never finish.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr);
    }

    /// <summary>True when <paramref name="tool"/> can be started at all and succeeds.</summary>
    public static bool CanRun(string tool, params string[] arguments)
    {
        try
        {
            return Run(tool, arguments).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static void Check((int ExitCode, string Output) run)
    {
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"tool failed ({run.ExitCode}): {run.Output}");
        }
    }
}
