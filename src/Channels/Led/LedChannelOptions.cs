using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Warning.Channels.Led;

/// <summary>LED signs over MQTT; the broker is <see cref="Mqtt.MqttGatewayOptions"/>.</summary>
public sealed class LedChannelOptions
{
    public const string SectionName = "Warning:Channels:Led";

    /// <summary>Signs per adapter call. Default: 200.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 200;

    /// <summary>Longest text a sign is given (it pages through it); longer is Rejected. Default: 300.</summary>
    [Range(1, 10_000)]
    public int MaxTextLength { get; set; } = 300;

    /// <summary>Lines of a sign whose geometry the directory does not know. Default: 2 (a 192×32 sign).</summary>
    [Range(1, 64)]
    public int DefaultLines { get; set; } = 2;

    /// <summary>Full-width characters per line of such a sign. Default: 12.</summary>
    [Range(1, 256)]
    public int DefaultCharsPerLine { get; set; } = 12;

    /// <summary>How long the sign shows each page. Default: 5.</summary>
    [Range(1, 600)]
    public int PageSeconds { get; set; } = 5;

    internal LedGeometry DefaultGeometry => new(DefaultLines, DefaultCharsPerLine);
}

[OptionsValidator]
internal sealed partial class LedChannelOptionsValidator : IValidateOptions<LedChannelOptions>
{
}
