using Warning.Engine.Tests.Support;
using Warning.Peers.BroadcastPlatform;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>
/// The OpenSSL check itself can fail: a changed byte or a missing distinguishing id makes verification fail, so the
/// peer's "verified" on every other test means something. Also pins the second OpenSSL recipe (pkeyutl).
/// </summary>
public sealed class BroadcastPlatformSignatureTests(BroadcastPlatformPeerFixture peer) : IClassFixture<BroadcastPlatformPeerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenSsl_PkeyutlRecipe_VerifiesOurSignatureToo()
    {
        var package = await SendOneAsync();
        // openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -digest sm3 -pkeyopt distid:1234567812345678 -in EBDB.xml -sigfile sig.der
        var (exit, output) = TestTools.Run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", peer.SenderPublicKeyPath, "-rawin",
            "-digest", "sm3", "-pkeyopt", $"distid:{PlatformTools.DistId}", "-in", package.EbdPath, "-sigfile", package.SignaturePath);
        Assert.True(exit == 0, output);
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenSsl_OneByteOfTheEbdChanged_VerificationFails()
    {
        var package = await SendOneAsync();
        var bytes = await File.ReadAllBytesAsync(package.EbdPath, Token);
        var index = Array.LastIndexOf(bytes, (byte)'1');  // a digit inside some id or code
        bytes[index] = (byte)'2';
        var tampered = package.EbdPath + ".tampered";
        await File.WriteAllBytesAsync(tampered, bytes, Token);

        var (verified, output) = PlatformTools.VerifyWithOpenSsl(peer.SenderPublicKeyPath, tampered, package.SignaturePath);
        Assert.False(verified, output);
    }

    [Fact]
    public async Task OpenSsl_WithoutTheDistinguishingId_VerificationFails()
    {
        var package = await SendOneAsync();
        var (verified, output) = PlatformTools.VerifyWithOpenSsl(peer.SenderPublicKeyPath, package.EbdPath, package.SignaturePath, withDistId: false);
        Assert.False(verified, output);
    }

    [Fact]
    public async Task Xmllint_OurSchema_RejectsAnEbmWithoutAreaCode()
    {
        var package = await SendOneAsync();
        var broken = package.EbdPath + ".broken.xml";
        await File.WriteAllTextAsync(broken, System.Text.RegularExpressions.Regex.Replace(package.EbdXml, "<AreaCode>.*</AreaCode>", string.Empty), Token);
        var (valid, output) = PlatformTools.Xmllint(broken);
        Assert.False(valid, output);
    }

    private async Task<ReceivedPackage> SendOneAsync()
    {
        var sut = peer.CreateAdapter();
        var results = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token);
        Assert.True(Assert.Single(results).IsSuccess);
        var package = peer.Received.Last();
        Assert.True(package.SignatureVerified, package.OpenSslOutput);
        return package;
    }
}
