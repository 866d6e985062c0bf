namespace Warning.Engine.Audience;

public static partial class DirectoryCsvImporter
{
    private static Endpoint? ParseEndpoint(RowContext row)
    {
        var id = row.Required("id", "编号");
        var area = CheckArea(row);
        var channel = row.Required("channel", "渠道").ToLowerInvariant();
        if (channel.Length > 0 && !AudienceChannels.IsEndpointChannel(channel))
        {
            var channels = string.Join(", ", AudienceChannels.EndpointChannels);
            row.Fail("channel", $"接收端的渠道应为 {channels}: {channel}", $"an endpoint's channel is one of {channels}: {channel}");
        }
        // A broadcast-platform region is most often exactly its area: the column may stay empty for it.
        var address = row["address"];
        if (address.Length == 0 && channel == AudienceChannels.BroadcastPlatform)
        {
            address = area;
        }
        else if (address.Length == 0)
        {
            row.Fail("address", "缺少地址（机器人或订阅方名称）", "address is missing (the robot or subscriber name)");
        }
        var name = row["name"];
        var location = ParseLocation(row);
        var groups = ParseGroups(row);
        var subareas = row["subareas"].ToLowerInvariant() switch
        {
            "" or "no" or "false" or "0" or "否" => false,
            "yes" or "true" or "1" or "是" => true,
            var other => NotYesOrNo(row, "subareas", other),
        };
        return row.Errors.Count > 0 ? null : new Endpoint
        {
            Id = id,
            Channel = channel,
            Address = address,
            Name = name.Length > 0 ? name : null,
            AreaCode = area,
            Location = location,
            Groups = groups,
            ReceivesSubareaWarnings = subareas,
        };
    }

    private static bool NotYesOrNo(RowContext row, string column, string value)
    {
        row.Fail(column, $"应为 yes 或 no: {value}", $"expected yes or no: {value}");
        return false;
    }
}
