using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    public Task SaveThreadAsync(WarningThreadRecord thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return SaveAsync("warning_threads", ["id"], true, new()
        {
            ["id"] = thread.Id,
            ["state"] = thread.State,
            ["event_code"] = thread.EventCode,
            ["created_at_ms"] = thread.CreatedAt.ToUnixTimeMilliseconds(),
            ["updated_at_ms"] = thread.UpdatedAt.ToUnixTimeMilliseconds(),
        }, cancellationToken);
    }

    public Task SaveVersionAsync(WarningVersionRecord version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return SaveAsync("warning_versions", ["id"], false, new()
        {
            ["id"] = version.Id,
            ["thread_id"] = version.ThreadId,
            ["msg_type"] = version.MsgType,
            ["status"] = version.Status,
            ["level"] = version.Level,
            ["sender"] = version.Sender,
            ["sent_at_ms"] = version.Sent.ToUnixTimeMilliseconds(),
            ["published_at_ms"] = version.PublishedAt?.ToUnixTimeMilliseconds(),
            ["original_xml"] = version.OriginalXml,
        }, cancellationToken);
    }

    public async Task<string?> GetOriginalXmlAsync(string versionId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QuerySingleOrDefaultAsync<string?>(Command(
                "SELECT original_xml FROM warning_versions WHERE id = @VersionId", new { VersionId = versionId }, null, cancellationToken))
                .ConfigureAwait(false);
        }
    }

    public Task SaveAreaAsync(AreaRecord area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        return SaveAsync("areas", ["code"], true, new()
        {
            ["code"] = area.Code,
            ["parent_code"] = area.ParentCode,
            ["name"] = area.Name,
            ["level"] = area.Level,
            ["geometry_format"] = area.GeometryFormat,
            ["geometry"] = area.Geometry,
        }, cancellationToken);
    }

    public Task SavePersonAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return SaveAsync("people", ["id"], true, new()
        {
            ["id"] = person.Id,
            ["name"] = person.Name,
            ["phone"] = person.Phone,
            ["wechat_openid"] = person.WeChatOpenId,
            ["language"] = person.Language,
            ["home_area_code"] = person.HomeAreaCode,
            ["location"] = person.Location,
            ["roles"] = person.Roles,
            ["deputy_id"] = person.DeputyId,
        }, cancellationToken);
    }

    public Task SaveDeviceAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return SaveAsync("devices", ["id"], true, new()
        {
            ["id"] = device.Id,
            ["kind"] = device.Kind,
            ["area_code"] = device.AreaCode,
            ["location"] = device.Location,
            ["capabilities"] = device.Capabilities,
        }, cancellationToken);
    }

    public Task RecordAcknowledgementAsync(
        string versionId, string personId, string channel, DateTimeOffset at, CancellationToken cancellationToken) =>
        SaveAsync("acknowledgements", ["version_id", "person_id"], false, new()
        {
            ["version_id"] = versionId,
            ["person_id"] = personId,
            ["channel"] = channel,
            ["acknowledged_at_ms"] = at.ToUnixTimeMilliseconds(),
            ["detail"] = null,
        }, cancellationToken);

    /// <summary>
    /// Insert-or-update (<paramref name="update"/>) or insert-if-absent by key. Table and column names are
    /// constants of this class, never input; values are parameters.
    /// </summary>
    private protected abstract string SaveSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns, bool update);

    private async Task SaveAsync(
        string table, string[] keys, bool update, Dictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var sql = SaveSql(table, keys, [.. values.Keys], update);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(Command(sql, new DynamicParameters(values), null, cancellationToken)).ConfigureAwait(false);
        }
    }
}
