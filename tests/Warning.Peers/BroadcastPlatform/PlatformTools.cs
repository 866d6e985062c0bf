using System.Xml.Linq;

namespace Warning.Peers.BroadcastPlatform;

/// <summary>
/// The platform's checks, each by a tool that shares no code with the adapter: GNU tar unpacks, OpenSSL 3.0 verifies
/// and signs SM2/SM3, xmllint validates against our XSD.
/// </summary>
internal static class PlatformTools
{
    public const string DistId = "1234567812345678";

    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "BroadcastPlatform", "ebd-ours.xsd");

    /// <summary>Why the platform cannot check packages here, or null when openssl, GNU tar and xmllint all run.</summary>
    public static string? Missing() =>
        ToolRunner.CanRun("openssl", "version") && ToolRunner.CanRun("tar", "--version") && ToolRunner.CanRun("xmllint", "--version")
            ? null
            : "the broadcast-platform stand-in needs openssl, GNU tar and xmllint (Debian openssl, tar, libxml2-utils)";

    /// <summary>
    /// The OpenSSL 3.0 recipe that works on Debian 12 (the id must be given: OpenSSL's default id differs):
    /// <c>openssl dgst -sm3 -verify pub.pem -sigopt distid:1234567812345678 -signature sig.der EBDB_….xml</c>
    /// (equivalently <c>openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -digest sm3
    /// -pkeyopt distid:1234567812345678 -in EBDB_….xml -sigfile sig.der</c>).
    /// </summary>
    public static (bool Verified, string Output) VerifyWithOpenSsl(string publicKeyPath, string dataPath, string signaturePath, bool withDistId = true)
    {
        string[] distId = withDistId ? ["-sigopt", $"distid:{DistId}"] : [];
        var (exit, output) = ToolRunner.Run("openssl", ["dgst", "-sm3", "-verify", publicKeyPath, .. distId, "-signature", signaturePath, dataPath]);
        return (exit == 0 && output.Contains("Verified OK", StringComparison.Ordinal), output);
    }

    public static byte[] SignWithOpenSsl(string privateKeyPath, string dataPath)
    {
        var signaturePath = dataPath + ".sig";
        ToolRunner.Check(ToolRunner.Run("openssl", "dgst", "-sm3", "-sign", privateKeyPath, "-sigopt", $"distid:{DistId}", "-out", signaturePath, dataPath));
        return File.ReadAllBytes(signaturePath);
    }

    public static (bool Valid, string Output) Xmllint(params string[] files)
    {
        var (exit, output) = ToolRunner.Run("xmllint", ["--noout", "--nonet", "--schema", SchemaPath, .. files]);
        return (exit == 0, output);
    }

    public static IReadOnlyList<string> TarList(string tarPath)
    {
        var run = ToolRunner.Run("tar", "-tf", tarPath);
        ToolRunner.Check(run);
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static void TarExtract(string tarPath, string folder) => ToolRunner.Check(ToolRunner.Run("tar", "-xf", tarPath, "-C", folder));

    public static void TarCreate(string tarPath, string folder, params string[] names) =>
        ToolRunner.Check(ToolRunner.Run("tar", ["--format=ustar", "-cf", tarPath, "-C", folder, .. names]));

    /// <summary>Generates an SM2 key pair with OpenSSL; returns the private key PEM path and the public key PEM path.</summary>
    public static (string PrivatePath, string PublicPath) GenerateSm2Key(string folder, string name)
    {
        var privatePath = Path.Combine(folder, name + ".key.pem");
        var publicPath = Path.Combine(folder, name + ".pub.pem");
        ToolRunner.Check(ToolRunner.Run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", privatePath));
        ToolRunner.Check(ToolRunner.Run("openssl", "pkey", "-in", privatePath, "-pubout", "-out", publicPath));
        return (privatePath, publicPath);
    }

    public static string? SignatureValue(string ebdsXml) =>
        XDocument.Parse(ebdsXml).Descendants().FirstOrDefault(e => e.Name.LocalName == "SignatureValue")?.Value;
}
