using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Warning.Channels.Mqtt;

/// <summary>Source-generated JSON for commands and acks, camelCase, nulls left out, Chinese written as UTF-8 (not \u escapes).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeviceCommand))]
[JsonSerializable(typeof(DeviceAck))]
internal sealed partial class DeviceJson : JsonSerializerContext
{
    /// <summary>The context to use: the generated one with an encoder that leaves CJK alone.</summary>
    public static DeviceJson Utf8 { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    public static byte[] Serialize(DeviceCommand command) => JsonSerializer.SerializeToUtf8Bytes(command, Utf8.DeviceCommand);

    /// <summary>Null when the payload is not a JSON ack.</summary>
    public static DeviceAck? ReadAck(ReadOnlySequence<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            return JsonSerializer.Deserialize(ref reader, Utf8.DeviceAck);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
