using System.Formats.Tar;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// The GY/T 384 package: a plain (uncompressed) tar of the EBD XML and its EBDS signature file, in the POSIX
/// ustar format that GNU tar and the Java implementations on the platform side read.
/// </summary>
internal static class EbdPackage
{
    public static byte[] Pack(IEnumerable<(string Name, byte[] Content)> files, DateTimeOffset modified)
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(content, writable: false),
                    ModificationTime = modified,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                };
                writer.WriteEntry(entry);
            }
        }
        return stream.ToArray();
    }

    /// <summary>True when <paramref name="data"/> looks like a tar archive (the "ustar" magic at offset 257).</summary>
    public static bool IsTar(ReadOnlySpan<byte> data) =>
        data.Length >= 512 && data.Slice(257, 5).SequenceEqual("ustar"u8);

    /// <summary>The regular files of a tar archive by name (folders dropped from the names).</summary>
    public static Dictionary<string, byte[]> Unpack(byte[] data)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(data, writable: false));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }
            using var content = new MemoryStream();
            entry.DataStream.CopyTo(content);
            files[Path.GetFileName(entry.Name)] = content.ToArray();
        }
        return files;
    }
}
