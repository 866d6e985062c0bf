using Microsoft.Data.Sqlite;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Dispatch;

namespace Warning.Engine.Tests.Issuing;

/// <summary>
/// The issuing service wired as a host wires it, on a real SQLite file, the demo district (small) and a recording
/// SMS adapter; <see cref="Restart"/> builds a second service over the same database, as after a process restart.
/// </summary>
internal sealed class IssuingFixture : IAsyncDisposable
{
    public static readonly RecipientDirectory District = DemoDistrict.Generate(seed: 11, people: 3_000);

    public static readonly Department Bureau = new("qinglan-ema", "青岚区应急管理局", "44019900000000", "青岚区应急管理局",
        new Jurisdiction { AreaCodes = [DemoDistrict.DistrictCode] });

    /// <summary>A department allowed only meteorological warnings up to Orange in the first street.</summary>
    public static readonly Department WeatherStation = new("qinglan-met", "青岚区气象局", "44019900000001", "青岚区气象局",
        new Jurisdiction { AreaCodes = [Street(0).Code], EventTypes = ["11B"], MaxLevel = WarningLevel.Orange });

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"warning-issuing-{Guid.NewGuid():N}.db");
    private readonly DirectoryStore _directory = new(District);
    private readonly List<IAsyncDisposable> _owned = [];

    public RecordingAdapter Sms { get; } = new("sms");

    public InProcessVersionCurrency Currency { get; } = new();

    public SqliteAuditStore Store { get; private set; } = null!;

    public WarningService Service { get; private set; } = null!;

    public InProcessPublicationRunner Runner { get; private set; } = null!;

    public WarningComposer Composer { get; private set; } = null!;

    public static Issuer Drafter { get; } = new("zhang.san", "张三", Bureau.Id, IssuerRoles.Drafter | IssuerRoles.Approver);

    public static Issuer Approver { get; } = new("li.si", "李四", Bureau.Id, IssuerRoles.Approver);

    public static Issuer Auditor { get; } = new("wang.wu", "王五", Bureau.Id, IssuerRoles.Auditor);

    public static Issuer Meteorologist { get; } = new("zhao.liu", "赵六", WeatherStation.Id, IssuerRoles.Drafter | IssuerRoles.Approver);

    public static Area Street(int n) => District.Areas.Where(a => a.Level == AreaLevel.Street).ElementAt(n);

    public static async Task<IssuingFixture> StartAsync()
    {
        var fixture = new IssuingFixture();
        await fixture.Restart();
        return fixture;
    }

    /// <summary>A new service, runner and dispatcher over the same database: what survives is what was stored.</summary>
    public async Task Restart()
    {
        Store = new SqliteAuditStore($"Data Source={_path}");
        await Store.MigrateAsync(TestContext.Current.CancellationToken);
        var time = TimeProvider.System;
        var writer = new DeliveryBatchWriter(Store);
        var board = new PublicationBoard(new AuditOutcomeSink(writer, i => District[i]?.Id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture), time));
        var adapters = new ChannelAdapterRegistry([Sms]);
        var dispatcher = new FanOutDispatcher(adapters, new InProcessDeliveryLedger(time),
            new InProcessRateLimiter(time), Currency, board, new DispatchOptions(), time);
        var resolver = new AudienceResolver(_directory, new ChannelPolicy(new ChannelPolicyOptions()));
        var fanOut = new WarningFanOut(resolver, _directory, dispatcher, time) { ShardSize = 500 };
        Runner = new InProcessPublicationRunner(fanOut, dispatcher, adapters, board, time);
        _owned.Add(Runner);
        _owned.Add(dispatcher);
        _owned.Add(writer);
        Composer = new WarningComposer(_directory, new GbIdentifierGenerator(time), time);
        Service = new WarningService(Store, Store, new DepartmentDirectory([Bureau, WeatherStation]), resolver, Runner, Currency, time);
    }

    public WarningMessage Rainstorm(WarningLevel level, Department? department = null, string? areaCode = null, string eventType = "11B03") =>
        Composer.Compose(department ?? Bureau, new WarningDraft
        {
            EventType = eventType,
            Level = level,
            AreaCodes = [areaCode ?? Street(0).Code],
            Description = "预计未来3小时内将出现100毫米以上降雨，请注意防范。",
            Expires = TimeProvider.System.GetUtcNow().AddHours(6),
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
