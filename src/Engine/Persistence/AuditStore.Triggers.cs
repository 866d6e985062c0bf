using System.Globalization;
using System.Text.Json;
using Dapper;
using Warning.Engine.Alerts;
using Warning.Engine.Triggers;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore : ITriggerStore
{
    private const string RuleColumns =
        "id AS Id, name AS Name, department_id AS DepartmentId, station_id AS StationId, area_code AS AreaCode, measure AS Measure, " +
        "basis AS Basis, thresholds AS Thresholds, hysteresis AS Hysteresis, sustained_s AS SustainedS, rate_window_s AS RateWindowS, " +
        "event_type AS EventType, area_codes AS AreaCodes, description_template AS DescriptionTemplate, instruction AS Instruction, " +
        "expires_after_s AS ExpiresAfterS, mode AS Mode, authorised_by AS AuthorisedBy, enabled AS Enabled, updated_by AS UpdatedBy, " +
        "updated_at_ms AS UpdatedAtMs";

    private const string StateColumns =
        "rule_id AS RuleId, level AS Level, thread_id AS ThreadId, samples AS Samples, updated_at_ms AS UpdatedAtMs";

    public Task SaveRuleAsync(TriggerRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return SaveAsync("trigger_rules", ["id"], true, new()
        {
            ["id"] = rule.Id,
            ["name"] = rule.Name,
            ["department_id"] = rule.DepartmentId,
            ["station_id"] = rule.StationId,
            ["area_code"] = rule.AreaCode,
            ["measure"] = rule.Measure,
            ["basis"] = rule.Basis.ToString(),
            ["thresholds"] = string.Join(';', rule.Thresholds.Select(t =>
                string.Create(CultureInfo.InvariantCulture, $"{t.Level}={t.Value:R}"))),
            ["hysteresis"] = rule.Hysteresis,
            ["sustained_s"] = (long)rule.Sustained.TotalSeconds,
            ["rate_window_s"] = (long)rule.RateWindow.TotalSeconds,
            ["event_type"] = rule.EventType,
            ["area_codes"] = string.Join(' ', rule.AreaCodes),
            ["description_template"] = rule.DescriptionTemplate,
            ["instruction"] = rule.Instruction,
            ["expires_after_s"] = (long)rule.ExpiresAfter.TotalSeconds,
            ["mode"] = rule.Mode.ToString(),
            ["authorised_by"] = rule.AuthorisedBy,
            ["enabled"] = rule.Enabled ? 1 : 0,
            ["updated_by"] = rule.UpdatedBy,
            ["updated_at_ms"] = rule.UpdatedAt.ToUnixTimeMilliseconds(),
        }, cancellationToken);
    }

    public async Task<TriggerRule?> GetRuleAsync(string ruleId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<RuleRow>(Command(
                $"SELECT {RuleColumns} FROM trigger_rules WHERE id = @ruleId", new { ruleId }, null, cancellationToken)).ConfigureAwait(false);
            return row?.ToRule();
        }
    }

    public async Task<IReadOnlyList<TriggerRule>> ListRulesAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<RuleRow>(Command(
                $"SELECT {RuleColumns} FROM trigger_rules ORDER BY id", null, null, cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToRule())];
        }
    }

    public async Task<RuleState?> GetRuleStateAsync(string ruleId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<StateRow>(Command(
                $"SELECT {StateColumns} FROM trigger_states WHERE rule_id = @ruleId", new { ruleId }, null, cancellationToken))
                .ConfigureAwait(false);
            return row?.ToState();
        }
    }

    public Task SaveRuleStateAsync(RuleState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return SaveAsync("trigger_states", ["rule_id"], true, new()
        {
            ["rule_id"] = state.RuleId,
            ["level"] = (int?)state.Level,
            ["thread_id"] = state.ThreadId,
            ["samples"] = JsonSerializer.Serialize(state.Samples),
            ["updated_at_ms"] = state.UpdatedAt == DateTimeOffset.MinValue ? 0 : state.UpdatedAt.ToUnixTimeMilliseconds(),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RuleState>> ListRuleStatesAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<StateRow>(Command(
                $"SELECT {StateColumns} FROM trigger_states ORDER BY rule_id", null, null, cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToState())];
        }
    }

    private sealed class RuleRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string DepartmentId { get; set; } = "";
        public string? StationId { get; set; }
        public string? AreaCode { get; set; }
        public string Measure { get; set; } = "";
        public string Basis { get; set; } = "";
        public string Thresholds { get; set; } = "";
        public double Hysteresis { get; set; }
        public long SustainedS { get; set; }
        public long RateWindowS { get; set; }
        public string EventType { get; set; } = "";
        public string AreaCodes { get; set; } = "";
        public string DescriptionTemplate { get; set; } = "";
        public string? Instruction { get; set; }
        public long ExpiresAfterS { get; set; }
        public string Mode { get; set; } = "";
        public string? AuthorisedBy { get; set; }
        public long Enabled { get; set; }
        public string UpdatedBy { get; set; } = "";
        public long UpdatedAtMs { get; set; }

        public TriggerRule ToRule() => new()
        {
            Id = Id,
            Name = Name,
            DepartmentId = DepartmentId,
            StationId = StationId,
            AreaCode = AreaCode,
            Measure = Measure,
            Basis = Enum.Parse<TriggerBasis>(Basis),
            Thresholds = [.. Thresholds.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split('=')).Select(p =>
                new TriggerThreshold(Enum.Parse<WarningLevel>(p[0]), double.Parse(p[1], CultureInfo.InvariantCulture)))],
            Hysteresis = Hysteresis,
            Sustained = TimeSpan.FromSeconds(SustainedS),
            RateWindow = TimeSpan.FromSeconds(RateWindowS),
            EventType = EventType,
            AreaCodes = AreaCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            DescriptionTemplate = DescriptionTemplate,
            Instruction = Instruction,
            ExpiresAfter = TimeSpan.FromSeconds(ExpiresAfterS),
            Mode = Enum.Parse<TriggerMode>(Mode),
            AuthorisedBy = AuthorisedBy,
            Enabled = Enabled != 0,
            UpdatedBy = UpdatedBy,
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAtMs),
        };
    }

    private sealed class StateRow
    {
        public string RuleId { get; set; } = "";
        public long? Level { get; set; }
        public string? ThreadId { get; set; }
        public string Samples { get; set; } = "[]";
        public long UpdatedAtMs { get; set; }

        public RuleState ToState() => new(RuleId, (WarningLevel?)(int?)Level, ThreadId,
            JsonSerializer.Deserialize<List<TriggerSample>>(Samples) ?? [],
            UpdatedAtMs == 0 ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAtMs));
    }
}
