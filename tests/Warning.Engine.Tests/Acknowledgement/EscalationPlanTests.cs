using Warning.Engine.Acknowledgement;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Tests.Support;
using static Warning.Engine.Acknowledgement.EscalationStep;

namespace Warning.Engine.Tests.Acknowledgement;

public sealed class EscalationPlanTests
{
    private static readonly string Street = OfficialsDirectory.Streets[0];

    private static (EscalationPlan Plan, OfficialRoster Roster, Person Official) CreateSut(
        AcknowledgementOptions? options = null, bool deputies = true, string? area = null)
    {
        var roster = new OfficialRoster(OfficialsDirectory.Build(deputies));
        return (new EscalationPlan(options ?? new AcknowledgementOptions()), roster, roster.Find(OfficialsDirectory.Official(area ?? Street))!);
    }

    private static List<(EscalationStep, string, string)> Climb(EscalationPlan plan, OfficialRoster roster, Person official)
    {
        var steps = new List<(EscalationStep, string, string)>();
        var move = plan.First(roster, official);
        while (move is not null)
        {
            steps.AddRange(move.Targets.Select(t => (move.Step, t.PersonId, t.Channel)));
            move = plan.Next(move.Step, roster, official);
        }
        return steps;
    }

    [Fact]
    public void Next_NobodyAnswers_ClimbsSecondChannelDeputySupervisorThenEnds()
    {
        var (plan, roster, official) = CreateSut();

        Assert.Equal(
        [
            (Initial, OfficialsDirectory.Official(Street), "sms"),
            (SecondChannel, OfficialsDirectory.Official(Street), "wechat"),
            (Deputy, OfficialsDirectory.Deputy(Street), "sms"),
            (Deputy, OfficialsDirectory.Deputy(Street), "wechat"),
            (Supervisor, OfficialsDirectory.Official(OfficialsDirectory.District), "sms"),
            (Supervisor, OfficialsDirectory.Official(OfficialsDirectory.District), "wechat"),
        ], Climb(plan, roster, official));
    }

    [Fact]
    public void Next_NoDeputyNamed_GoesStraightToTheSupervisor()
    {
        var (plan, roster, official) = CreateSut(deputies: false);

        var move = plan.Next(SecondChannel, roster, official);

        Assert.Equal(Supervisor, move!.Step);
        Assert.All(move.Targets, t => Assert.Equal(OfficialsDirectory.Official(OfficialsDirectory.District), t.PersonId));
    }

    [Fact]
    public void Next_DistrictOfficialAfterDeputy_EndsForNobodyIsAbove()
    {
        var (plan, roster, official) = CreateSut(area: OfficialsDirectory.District);

        Assert.Null(plan.Next(Deputy, roster, official));
    }

    [Fact]
    public void Next_ConfiguredDeputyOnly_SkipsTheSecondChannelAndTheSupervisor()
    {
        var (plan, roster, official) = CreateSut(new AcknowledgementOptions { Escalation = "Deputy" });

        Assert.Equal([Initial, Deputy, Deputy], Climb(plan, roster, official).Select(s => s.Item1));
    }

    [Fact]
    public void Next_StepThePolicyNoLongerNames_EndsInsteadOfStartingOver()
    {
        var (plan, roster, official) = CreateSut(new AcknowledgementOptions { Escalation = "Deputy" });

        Assert.Null(plan.Next(Supervisor, roster, official));
    }

    [Fact]
    public void First_OfficialWithoutPhone_IsReachedOnTheSecondChannel()
    {
        var (plan, roster, official) = CreateSut();

        var move = plan.First(roster, official with { Phone = null });

        Assert.Equal((Initial, "wechat"), (move!.Step, Assert.Single(move.Targets).Channel));
    }

    [Fact]
    public void ResponsibleFor_StreetWarning_SelectsTheStreetOfficialsNotTheDistrictsOrDeputies()
    {
        var (_, roster, _) = CreateSut();

        var officials = roster.ResponsibleFor(OfficialsDirectory.Warning(areas: [.. OfficialsDirectory.Streets.Take(2)]));

        Assert.Equal([.. OfficialsDirectory.Streets.Take(2).Select(OfficialsDirectory.Official)], officials.Select(p => p.Id));
    }

    [Fact]
    public void Applies_LevelsAndStatuses_FollowThePolicy()
    {
        var options = new AcknowledgementOptions();

        Assert.True(options.Applies(OfficialsDirectory.Warning(level: WarningLevel.Orange)));
        Assert.True(options.Applies(OfficialsDirectory.Warning(status: AlertStatus.Exercise)));
        Assert.False(options.Applies(OfficialsDirectory.Warning(level: WarningLevel.Yellow)));
        Assert.False(options.Applies(OfficialsDirectory.Warning(status: AlertStatus.Test)));
        Assert.False(options.Applies(OfficialsDirectory.Warning() with { MsgType = MessageType.Cancel }));
        Assert.True(new AcknowledgementOptions { Levels = "Yellow" }
            .Applies(OfficialsDirectory.Warning(level: WarningLevel.Yellow)));
    }

    [Fact]
    public void Problem_SettingsFromConfiguration_AreCheckedByName()
    {
        Assert.Null(new AcknowledgementOptions().Problem());
        Assert.Equal([SecondChannel, Deputy, Supervisor], new AcknowledgementOptions().Steps);
        Assert.Equal([Deputy, Supervisor], new AcknowledgementOptions { Escalation = " deputy , Supervisor" }.Steps);
        Assert.Contains("'Boss'", new AcknowledgementOptions { Escalation = "Deputy,Boss" }.Problem(), StringComparison.Ordinal);
        Assert.Contains("'Purple'", new AcknowledgementOptions { Levels = "Red,Purple" }.Problem(), StringComparison.Ordinal);
        Assert.NotNull(new AcknowledgementOptions { Escalation = "Initial" }.Problem());
        Assert.NotNull(new AcknowledgementOptions { AnswerWithin = TimeSpan.Zero }.Problem());
    }

    [Theory]
    [InlineData("email")]
    [InlineData("wecom")]
    [InlineData("led")]
    public void Problem_ChannelTheDirectoryKnowsButAcknowledgementDoesNot_Refused(string channel)
    {
        Assert.Contains("sms or wechat", new AcknowledgementOptions { SecondChannel = channel }.Problem(), StringComparison.Ordinal);
    }
}
