using System.Buffers.Binary;

namespace Warning.Engine.Dispatch.Redis;

/// <summary>Packs dense recipient indexes as little-endian uint32, the form the Lua scripts unpack.</summary>
internal static class RecipientBlob
{
    public static byte[] Pack(ReadOnlySpan<int> recipients)
    {
        var blob = new byte[recipients.Length * sizeof(uint)];
        for (var i = 0; i < recipients.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(recipients[i], nameof(recipients));
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(i * sizeof(uint)), recipients[i]);
        }
        return blob;
    }
}
