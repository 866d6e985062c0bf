namespace Warning.Admin.Hosting;

/// <summary>
/// Loads the deployment profile from config/: <c>embedded</c> (default: SQLite, in-process dedup,
/// sandbox channels) or <c>production</c>. Choose with <c>--profile production</c> or
/// <c>WARNING_PROFILE=production</c>; environment variables and the command line override the file.
/// </summary>
internal static class WarningConfiguration
{
    public const string DefaultProfile = "embedded";

    public static WebApplicationBuilder AddWarningConfiguration(this WebApplicationBuilder builder)
    {
        var profile = builder.Configuration["profile"]
            ?? Environment.GetEnvironmentVariable("WARNING_PROFILE")
            ?? DefaultProfile;
        var file = Path.Combine(AppContext.BaseDirectory, "config", $"{profile}.json");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"Unknown profile '{profile}': {file} does not exist. Profiles are the JSON files in config/.");
        }
        // Profile file first, then environment and command line again so that they still win.
        builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("WARNING_");
        builder.Configuration.AddCommandLine(Environment.GetCommandLineArgs().Skip(1).ToArray());
        builder.Configuration["Warning:Profile"] = profile;
        return builder;
    }
}
