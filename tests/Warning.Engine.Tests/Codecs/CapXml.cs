namespace Warning.Engine.Tests.Codecs;

/// <summary>Small CAP documents for reader tests, built from a minimal valid alert.</summary>
internal static class CapXml
{
    public const string Cap12 = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string Cap11 = "urn:oasis:names:tc:emergency:cap:1.1";

    public static string Alert(string info = "", string sent = "2024-06-01T14:30:00+08:00", string extra = "", string ns = Cap12) => $"""
        <alert xmlns="{ns}">
          <identifier>id-1</identifier>
          <sender>sender@example.org</sender>
          <sent>{sent}</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          {extra}
          {info}
        </alert>
        """;

    public static string Info(string body = "", string certainty = "Likely", string area = "") => $"""
        <info>
          <category>Met</category>
          <event>暴雨</event>
          <urgency>Immediate</urgency>
          <severity>Severe</severity>
          <certainty>{certainty}</certainty>
          {body}
          {area}
        </info>
        """;

    public static string Area(string shapes) => $"<area><areaDesc>天河区</areaDesc>{shapes}</area>";

    public static string Parameter(string name, string value) =>
        $"<parameter><valueName>{name}</valueName><value>{value}</value></parameter>";
}
