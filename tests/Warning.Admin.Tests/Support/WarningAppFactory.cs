using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Warning.Admin.Tests.Support;

/// <summary>
/// The real host on the embedded profile, with its SQLite file in a fresh temp folder and a smaller demo district
/// (5,000 people) so that each test class starts in a second; everything else is as `dotnet run` has it.
/// </summary>
public class WarningAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"warning-admin-{Guid.NewGuid():N}");

    public string DatabasePath => Path.Combine(_folder, "warning.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseSetting("Warning:Store:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Warning:Directory:DemoPeople", "5000");
        builder.UseSetting("Warning:Console:DemoUsersFile", DemoUsersFile);
    }

    /// <summary>Where the host writes the demo users' random passwords at first start.</summary>
    public string DemoUsersFile => Path.Combine(_folder, "demo-users.txt");

    /// <summary>The password (or, for "apikey", the key) the host generated for a demo user.</summary>
    public string DemoSecret(string user)
    {
        _ = Services; // starts the host; its start-up work may still be finishing, so wait (bounded) for the file
        for (var i = 0; i < 300 && !File.Exists(DemoUsersFile); i++)
        {
            Thread.Yield();
            using var wait = new ManualResetEventSlim();
            wait.Wait(TimeSpan.FromMilliseconds(100));
        }
        return File.ReadLines(DemoUsersFile).Select(l => l.Split(' ')).First(f => f[0] == user)[1];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown: the temp folder is cleaned by the OS
        }
    }
}
