using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Warning.Admin.Tests.Support;

/// <summary>
/// The real host on the embedded profile, with its SQLite file in a fresh temp folder and a smaller demo district
/// (5,000 people) so that each test class starts in a second; everything else is as `dotnet run` has it.
/// Subclasses add settings through <see cref="Settings"/>; they are applied last, over the profile file.
/// </summary>
public class WarningAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"warning-admin-{Guid.NewGuid():N}");

    public string DatabasePath => Path.Combine(_folder, "warning.db");

    public string Folder => _folder;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Warning:Store:ConnectionString"] = $"Data Source={DatabasePath}",
        ["Warning:Directory:DemoPeople"] = "5000",
        ["Warning:Console:DemoUsersFile"] = DemoUsersFile,
    };

    /// <summary>Where the host writes the demo users' random passwords at first start.</summary>
    public string DemoUsersFile => Path.Combine(_folder, "demo-users.txt");

    /// <summary>The password (or, for "apikey", the key) the host generated for a demo user at its first start.</summary>
    public async Task<string> DemoSecretAsync(string user)
    {
        _ = Services; // starts the host, which writes the file before it takes requests
        var lines = await File.ReadAllLinesAsync(DemoUsersFile);
        return lines.Select(l => l.Split(' ')).First(f => f[0] == user)[1];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        var settings = Settings;
        // UseSetting makes them visible while Program registers services (the role, the job runner); the in-memory
        // source added at build time puts them over the profile file, which Program adds after UseSetting's values.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
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
