using System.Diagnostics;
using System.Text;

namespace Warning.Admin.Tests.Durable;

/// <summary>
/// A real `Warning.Admin` process (by default `--role worker`), started from the build output next to this test's, with its
/// settings as WARNING_ environment variables; its output is kept for the failure message.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="name">A name for messages.</param>
    /// <param name="settings">Configuration keys, passed as WARNING_ environment variables.</param>
    /// <param name="profile">The profile in config/.</param>
    /// <param name="role">The node role; null runs the host as it starts by default (all roles).</param>
    /// <param name="sandboxChannels">Every channel on its sandbox adapter (the profile's real providers are not the test's).</param>
    /// <param name="workingDirectory">Where relative paths of the profile (data/…) land; default: next to the dll.</param>
    /// <param name="contentRoot">The folder the console's wwwroot is served from (as `dotnet run` has it: the project folder).</param>
    public WorkerProcess(string name, IReadOnlyDictionary<string, string> settings, string profile = "production",
        string? role = "worker", bool sandboxChannels = true, string? workingDirectory = null, string? contentRoot = null)
    {
        Name = name;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(AdminAssembly)!,
        };
        info.ArgumentList.Add(AdminAssembly);
        if (role is not null)
        {
            info.ArgumentList.Add("--role");
            info.ArgumentList.Add(role);
        }
        // Workers here send through the sandbox and its send log: production.json's placeholder providers are not theirs.
        foreach (var key in sandboxChannels ? Support.ChannelSettings.Keys.Values : [])
        {
            info.Environment[$"WARNING_Warning__Channels__{key}__Adapter"] = "sandbox";
        }
        foreach (var (key, value) in settings)
        {
            info.Environment["WARNING_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        info.Environment["WARNING_PROFILE"] = profile;
        if (contentRoot is not null)
        {
            info.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        }
        // The profile file sets Warning; WARNING_ variables are read after it and win.
        info.Environment["WARNING_Logging__LogLevel__Default"] = "Information";
        info.Environment["WARNING_Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The host's own dll in the artifacts folder (artifacts/bin/Warning.Admin/{configuration}/).</summary>
    public static string AdminAssembly
    {
        get
        {
            var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var configuration = Path.GetFileName(here);
            var bin = Path.GetDirectoryName(Path.GetDirectoryName(here))!;
            return Path.Combine(bin, "Warning.Admin", configuration, "Warning.Admin.dll");
        }
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public Task Started => _started.Task;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a node that loses power.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
