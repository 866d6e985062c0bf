using System.Net;
using System.Net.Sockets;
using System.Text;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class CapReaderSafetyTests
{
    [Fact]
    public void Read_XeeSample_IsUnsafeXml()
    {
        var result = CapReader.Read(CapTestData.Text("xee.cap"));

        Assert.Null(result.Message);
        Assert.Equal(IssueCodes.UnsafeXml, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public async Task Read_XeeSamplePointingAtListener_NeverConnects()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var xml = CapTestData.Text("xee.cap").Replace("localhost:8080", $"127.0.0.1:{port}", StringComparison.Ordinal);

            var fromString = CapReader.Read(xml);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
            var fromStream = CapReader.Read(stream);
            await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

            Assert.Equal(IssueCodes.UnsafeXml, Assert.Single(fromString.Issues).Code);
            Assert.Equal(IssueCodes.UnsafeXml, Assert.Single(fromStream.Issues).Code);
            Assert.False(listener.Pending());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Read_OversizeDocument_IsTooLarge()
    {
        var padding = new string(' ', (int)SafeXml.DefaultMaxCharacters);
        var xml = CapTestData.Text("thunderstorm.cap").Replace("<info>", padding + "<info>", StringComparison.Ordinal);

        var result = CapReader.Read(xml);

        Assert.Equal(IssueCodes.TooLarge, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_OversizeStream_IsTooLarge()
    {
        var padding = new string(' ', (int)SafeXml.DefaultMaxCharacters);
        var xml = CapTestData.Text("thunderstorm.cap").Replace("<info>", padding + "<info>", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        var result = CapReader.Read(stream);

        Assert.Equal(IssueCodes.TooLarge, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_MalformedXml_IsMalformedXml()
    {
        var result = CapReader.Read("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</alert>");

        Assert.Null(result.Message);
        Assert.Equal(IssueCodes.MalformedXml, Assert.Single(result.Issues).Code);
    }

    [Theory]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")]
    [InlineData("<alert xmlns=\"urn:example:not-cap\"/>")]
    [InlineData("<alert><identifier>gb-style-without-namespace</identifier></alert>")]
    public void Read_NonCapRoot_IsUnknownDialect(string xml)
    {
        var result = CapReader.Read(xml);

        Assert.Null(result.Dialect);
        Assert.Equal(IssueCodes.UnknownDialect, Assert.Single(result.Issues).Code);
    }
}
