using System.Globalization;

namespace Warning.Engine.Audience;

public static partial class DemoDistrict
{
    private static void AddDevices(DirectoryBuilder builder, Random random, List<Area> communities)
    {
        foreach (var community in communities)
        {
            var leds = random.Next(1, 3);
            for (var i = 1; i <= leds; i++)
            {
                var large = random.NextDouble() < 0.3;
                builder.Add(new Device
                {
                    Id = $"LED-{community.Code}-{i.ToString(CultureInfo.InvariantCulture)}",
                    Kind = DeviceKind.LedSign,
                    AreaCode = community.Code,
                    Location = PointIn(community, random),
                    LedLines = large ? 4 : 2,
                    LedCharsPerLine = large ? 32 : 16,
                });
            }
            var speakers = random.Next(2, 5);
            for (var i = 1; i <= speakers; i++)
            {
                builder.Add(new Device
                {
                    Id = $"BC-{community.Code}-{i.ToString(CultureInfo.InvariantCulture)}",
                    Kind = DeviceKind.BroadcastTerminal,
                    AreaCode = community.Code,
                    Location = PointIn(community, random),
                });
            }
        }
    }
}
