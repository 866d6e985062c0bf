namespace Warning.Admin.Tests.Durable;

/// <summary>What the sandbox send logs of every process say: who was sent to, how often, and by which process.</summary>
internal sealed record SendLog(long Total, int Distinct, IReadOnlyList<string> Repeated, IReadOnlyDictionary<int, HashSet<string>> ByProcess)
{
    public static SendLog Read(string folder)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var byProcess = new Dictionary<int, HashSet<string>>();
        long total = 0;
        if (!Directory.Exists(folder))
        {
            return new SendLog(0, 0, [], byProcess);
        }
        foreach (var file in Directory.GetFiles(folder, "sends-*.log"))
        {
            var pid = int.Parse(Path.GetFileName(file).Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
            var mine = byProcess.TryGetValue(pid, out var set) ? set : byProcess[pid] = new HashSet<string>(StringComparer.Ordinal);
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n');
            // The last piece is empty after a complete line, or a line the writer has not finished: skip it either way.
            foreach (var line in lines.Take(lines.Length - 1))
            {
                if (line.Contains("/ack,", StringComparison.Ordinal))
                {
                    continue; // a 叫应 message to an official (content key "{version}/ack"), not a delivery of the version
                }
                total++;
                counts[line] = counts.GetValueOrDefault(line) + 1;
                mine.Add(line);
            }
        }
        return new SendLog(total, counts.Count, [.. counts.Where(c => c.Value > 1).Select(c => c.Key)], byProcess);
    }

    public override string ToString() => $"{Total} sends, {Distinct} distinct, {Repeated.Count} repeated";
}
