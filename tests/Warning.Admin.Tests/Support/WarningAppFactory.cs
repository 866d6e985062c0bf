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
