namespace Warning.Admin;

/// <summary>The "Warning:Console" section: cookies, lockout and the demo accounts created at first start.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Warning:Console";

    /// <summary>
    /// Marks the sign-in and antiforgery cookies Secure (sent over HTTPS only). Default: true. The embedded profile
    /// turns it off because it serves plain HTTP on loopback, where a Secure cookie would not come back.
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Failed sign-ins in a row before the account is locked. Default: 5.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a lockout lasts. Default: 15.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Create demo users with random passwords when the store has no account. Default: true.</summary>
    public bool DemoUsers { get; set; } = true;

    /// <summary>Where the demo users' passwords are written at first start. Default: data/demo-users.txt.</summary>
    public string DemoUsersFile { get; set; } = "data/demo-users.txt";

    /// <summary>Sign-in lifetime (sliding). Default: 480 minutes.</summary>
    public int SessionMinutes { get; set; } = 480;

    /// <summary>
    /// The page of the device simulator (tests/Warning.Peers) the console links to as 设备模拟器, so whoever runs the
    /// peers profile sees what each sign shows; empty (every other profile): no link.
    /// </summary>
    public string? DeviceSimulatorUrl { get; set; }

    internal static IEnumerable<(string, string)> Rules(ConsoleOptions o)
    {
        if (o.LockoutThreshold is < 1 or > 100) yield return (nameof(LockoutThreshold), $"must be between 1 and 100, not {o.LockoutThreshold}");
        if (o.LockoutMinutes is < 1 or > 24 * 60) yield return (nameof(LockoutMinutes), $"must be between 1 and 1440, not {o.LockoutMinutes}");
        if (o.SessionMinutes is < 1 or > 7 * 24 * 60) yield return (nameof(SessionMinutes), $"must be between 1 and 10080, not {o.SessionMinutes}");
        if (string.IsNullOrWhiteSpace(o.DemoUsersFile)) yield return (nameof(DemoUsersFile), "is required");
        if (!string.IsNullOrEmpty(o.DeviceSimulatorUrl) && !Uri.TryCreate(o.DeviceSimulatorUrl, UriKind.Absolute, out _))
        {
            yield return (nameof(DeviceSimulatorUrl), $"'{o.DeviceSimulatorUrl}' is not an absolute URL");
        }
    }
}
