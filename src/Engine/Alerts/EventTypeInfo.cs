namespace Warning.Engine.Alerts;

/// <summary>One GB/T 35561 event type: its code, names, class and the CAP category it maps to.</summary>
public sealed record EventTypeInfo(string Code, string ChineseName, string EnglishName, EventClass Class, CapCategory Category);

/// <summary>The four top classes of GB/T 35561-2017.</summary>
public enum EventClass
{
    NaturalDisaster = 11,
    Accident = 12,
    PublicHealth = 13,
    SocialSecurity = 14,
}
