using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Support;

namespace Warning.Admin.Tests.Browser;

/// <summary>The same host as <see cref="WarningAppFactory"/>, but on Kestrel at a free loopback port, for a real browser.</summary>
public sealed class BrowserAppFactory : WarningAppFactory
{
    public BrowserAppFactory() => UseKestrel(0);

    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }
}
