using Microsoft.Playwright;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (shared/verified.md): never a downloaded browser. Missing Chromium skips
/// outside CI and fails under CI=true (scripts/services.sh installs it).
/// </summary>
internal static class Chromium
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
    ];

    public static string? ExecutablePath =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (ExecutablePath is not { } path)
        {
            TestServers.Unavailable("Chromium is not installed (apt-get install chromium); run scripts/services.sh");
            throw new InvalidOperationException("unreachable");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, browser);
    }

    /// <summary>artifacts/screenshots under the repository root (the folder that holds Warning.sln).</summary>
    public static string ScreenshotFolder()
    {
        var path = Path.Combine(Support.RepositoryRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
