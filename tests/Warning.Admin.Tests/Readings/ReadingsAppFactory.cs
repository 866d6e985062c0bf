using Warning.Admin.Tests.Support;

namespace Warning.Admin.Tests.Readings;

/// <summary>The host with a signing key for /api/readings.</summary>
public sealed class ReadingsAppFactory : WarningAppFactory
{
    public const string SigningKey = "test-signing-key-0123456789";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Warning:Readings:SigningKey"] = SigningKey;
            return settings;
        }
    }
}
