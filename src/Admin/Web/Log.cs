namespace Warning.Admin;

/// <summary>Admin log messages (EventIds 3000–3999).</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Warning, "Demo users were created at first start; their passwords are in {File}")]
    public static partial void DemoUsersCreated(ILogger logger, string file);

    [LoggerMessage(3002, LogLevel.Information, "User {User} signed in")]
    public static partial void SignedIn(ILogger logger, string user);

    [LoggerMessage(3003, LogLevel.Warning, "Sign-in refused for {User}: {Outcome}")]
    public static partial void SignInRefused(ILogger logger, string user, string outcome);

    [LoggerMessage(3004, LogLevel.Information, "Directory import by {User}: {Imported} imported, {Rejected} rejected")]
    public static partial void DirectoryImported(ILogger logger, string user, int imported, int rejected);
}
