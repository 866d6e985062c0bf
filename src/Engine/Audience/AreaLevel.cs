namespace Warning.Engine.Audience;

/// <summary>The level of an administrative area, told by the length of its GB/T 2260 code.</summary>
public enum AreaLevel
{
    /// <summary>6 digits: province, city or county / district (区县).</summary>
    County = 6,

    /// <summary>9 digits: street (街道), town (镇), township (乡) or 管理区.</summary>
    Street = 9,

    /// <summary>12 digits: community (社区) or village (村).</summary>
    Community = 12,
}
