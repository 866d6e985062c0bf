using System.Globalization;

namespace Warning.Engine.Persistence;

/// <summary>
/// Versioned SQL scripts embedded under Persistence/Migrations/{Dialect}/NNNN_name.sql, applied in order.
/// A script, once released, is never edited: a change is a new script.
/// </summary>
internal static class MigrationScripts
{
    internal static IReadOnlyList<MigrationScript> For(string dialect)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"Warning.Engine.Persistence.Migrations.{dialect}.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..^4];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No migration scripts are embedded for {dialect}.");
        }

        return scripts.OrderBy(s => s.Version).ToList();
    }
}

internal sealed record MigrationScript(long Version, string Name, string Sql);
