using System.Globalization;
using System.Text;
using Warning.Engine.Audience;

namespace Warning.Admin.Web;

/// <summary>
/// The district's streets and communities as SVG shapes, projected from their boundaries in the directory
/// (longitude → x, latitude → y, equirectangular with the cosine of the middle latitude): no tile server, no script
/// library. The area tree lists the same areas, so both pickers edit the same checkboxes.
/// </summary>
public sealed class AreaMap
{
    public const double Width = 800;

    private AreaMap(double height, IReadOnlyList<MapShape> streets, IReadOnlyList<MapShape> communities, IReadOnlyList<AreaNode> tree)
    {
        Height = height;
        Streets = streets;
        Communities = communities;
        Tree = tree;
    }

    public double Height { get; }

    public IReadOnlyList<MapShape> Streets { get; }

    public IReadOnlyList<MapShape> Communities { get; }

    /// <summary>District → streets → communities.</summary>
    public IReadOnlyList<AreaNode> Tree { get; }

    public static AreaMap From(RecipientDirectory directory, IReadOnlyCollection<string> jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var areas = directory.Areas.Where(a => jurisdiction.Count == 0 || jurisdiction.Any(j => j == "*" || a.Code.StartsWith(j, StringComparison.Ordinal)
            || j.StartsWith(a.Code, StringComparison.Ordinal))).ToList();
        var bounded = areas.Where(a => a.Boundary is not null).ToList();
        if (bounded.Count == 0)
        {
            return new AreaMap(0, [], [], BuildTree(areas));
        }
        var points = bounded.SelectMany(a => a.Boundary!.Points).ToList();
        double south = (double)points.Min(p => p.Latitude), north = (double)points.Max(p => p.Latitude);
        double west = (double)points.Min(p => p.Longitude), east = (double)points.Max(p => p.Longitude);
        var xScale = Math.Cos((south + north) / 2 * Math.PI / 180);
        var scale = Width / Math.Max(1e-9, (east - west) * xScale);
        var height = Math.Round((north - south) * scale, 1);
        MapShape Shape(Area area)
        {
            var ring = area.Boundary!.Points;
            var text = new StringBuilder();
            double sx = 0, sy = 0;
            foreach (var p in ring)
            {
                var x = ((double)p.Longitude - west) * xScale * scale;
                var y = (north - (double)p.Latitude) * scale;
                sx += x;
                sy += y;
                text.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
            }
            return new MapShape(area.Code, area.Name, text.ToString().TrimEnd(), Math.Round(sx / ring.Count, 1), Math.Round(sy / ring.Count, 1));
        }
        return new AreaMap(height,
            [.. bounded.Where(a => a.Level == AreaLevel.Street).Select(Shape)],
            [.. bounded.Where(a => a.Code.Length > 9).Select(Shape)],
            BuildTree(areas));
    }

    private static List<AreaNode> BuildTree(List<Area> areas)
    {
        List<AreaNode> Children(string? parent) => [.. areas.Where(a => a.ParentCode == parent)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new AreaNode(a.Code, a.Name, Children(a.Code)))];
        var roots = areas.Where(a => a.ParentCode is null || areas.All(p => p.Code != a.ParentCode)).OrderBy(a => a.Code, StringComparer.Ordinal);
        return [.. roots.Select(a => new AreaNode(a.Code, a.Name, Children(a.Code)))];
    }
}

public sealed record MapShape(string Code, string Name, string Points, double LabelX, double LabelY)
{
    /// <summary>The SVG label; written as markup here because Razor reserves the &lt;text&gt; tag.</summary>
    public string LabelSvg => FormattableString.Invariant(
        $"<text x=\"{LabelX}\" y=\"{LabelY}\" class=\"map-label\">{System.Net.WebUtility.HtmlEncode(Name)}</text>");
}

public sealed record AreaNode(string Code, string Name, IReadOnlyList<AreaNode> Children);
