namespace Warning.Engine.Codecs;

/// <summary>The XML dialects the codecs read. Only <see cref="Cap12"/> and <see cref="Gb12379"/> are written.</summary>
public enum WarningDialect
{
    /// <summary>OASIS CAP 1.2, namespace urn:oasis:names:tc:emergency:cap:1.2.</summary>
    Cap12,

    /// <summary>OASIS CAP 1.1 (read only).</summary>
    Cap11,

    /// <summary>OASIS CAP 1.0 (read only).</summary>
    Cap10,

    /// <summary>GB/T 35965.1-2018 as the national 12379 platform exchanges it: no namespace.</summary>
    Gb12379,
}
