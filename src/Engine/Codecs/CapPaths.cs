using System.Xml.Linq;

namespace Warning.Engine.Codecs;

/// <summary>
/// The issue path of an element, in the reader's form: repeatable CAP elements carry a 1-based index
/// (<c>/alert/info[1]/area[2]/polygon[1]</c>), single ones none.
/// </summary>
internal static class CapPaths
{
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal)
    {
        "code", "info", "category", "responseType", "eventCode", "parameter", "resource", "area", "polygon", "circle", "geocode",
    };

    public static string Of(XElement element)
    {
        var steps = new Stack<string>();
        for (var current = element; current is not null; current = current.Parent)
        {
            var name = current.Name.LocalName;
            if (current.Parent is not null && Repeatable.Contains(name))
            {
                var index = current.ElementsBeforeSelf().Count(e => e.Name == current.Name) + 1;
                name = $"{name}[{index}]";
            }
            steps.Push(name);
        }
        return "/" + string.Join('/', steps);
    }
}
